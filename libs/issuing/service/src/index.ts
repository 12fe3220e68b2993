// Issuing service composition root: wires adapters to the use cases, consumes the events, serves
// the subgraph and the document routes.
export * from './issuing-schema';
export * from './issuing-subgraph';
export * from './issuing-config';
export * from './issuing-service';
export * from './cpf-commands';
