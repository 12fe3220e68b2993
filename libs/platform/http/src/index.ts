// Serving a service over HTTP: GraphQL, health, readiness, metrics, request ids, graceful shutdown.
export * from './http-service';
export * from './shutdown';
export * from './service-module';
export * from './run-service-app';
export * from './service-storage';
export * from './start-subgraph';
export * from './document-route';
