// Federation-2 subgraphs from type-graphql resolvers: schema building, scalars (Date, DateTime,
// JSON), Relay connections, role checks and the contract's error codes.
export * from './build-subgraph-schema';
export * from './scalars';
export * from './connection';
export * from './subgraph-context';
export * from './error-format';
export * from './resolver-container';
export * from './field-guard';
export * from './entity-reference';
