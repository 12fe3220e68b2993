// JSON logs (pino), the request id carried from the gateway into every subgraph, Prometheus metrics.
export * from './logger';
export * from './request-context';
export * from './metrics';
export * from './tracing';
export * from './safe-error';
