// Candidates service composition root: wires adapters to the use cases and serves the subgraph.
export * from './candidates-schema';
export * from './candidates-subgraph';
export * from './candidates-service';
