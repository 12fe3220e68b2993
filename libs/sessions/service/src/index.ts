// Sessions service composition root: wires adapters to the use cases and serves the subgraph.
export * from './sessions-schema';
export * from './sessions-subgraph';
export * from './sessions-service';
