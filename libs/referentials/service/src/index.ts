// Referentials service composition root: wires adapters to the use cases and serves the subgraph.
export * from './referentials-schema';
export * from './referentials-subgraph';
export * from './referentials-service';
export * from './import-rncp';
