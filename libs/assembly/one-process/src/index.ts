// Every service and the gateway in one process (npm start, end-to-end tests).
export * from './one-process-platform';
export * from './subgraph-catalog';
export * from './public-routes';
