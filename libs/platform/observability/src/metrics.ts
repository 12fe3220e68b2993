import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/**
 * One Prometheus registry per process. In the one-process start several services share it, so
 * every service-specific metric carries a `service` label rather than a name of its own.
 */
let processRegistry: Registry | undefined;

export function metricsRegistry(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/** Returns the metric already registered under that name, or registers the one `create` makes. */
export function sharedMetric<T>(registry: Registry, name: string, create: () => T): T {
  return (registry.getSingleMetric(name) as T | undefined) ?? create();
}

export function httpRequestDuration(registry: Registry): Histogram<string> {
  return sharedMetric(
    registry,
    'http_request_duration_seconds',
    () =>
      new Histogram({
        name: 'http_request_duration_seconds',
        help: 'HTTP request latency by service, method, route and status',
        labelNames: ['service', 'method', 'route', 'status'],
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
        registers: [registry],
      }),
  );
}
