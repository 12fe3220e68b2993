import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { Counter, Histogram, type Registry } from 'prom-client';
import { sharedMetric } from '@certif/platform-observability';

/** Operation names come from clients: past this many distinct ones, the rest count as "other". */
const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,99}$/;

/**
 * Prometheus metrics per GraphQL operation: latency by operation name and type, and errors by
 * contract code. Label values are bounded so that a client cannot blow up the series count.
 */
export function graphqlMetricsPlugin<TContext extends BaseContext>(
  service: string,
  registry: Registry,
): ApolloServerPlugin<TContext> {
  const duration = sharedMetric(
    registry,
    'graphql_operation_duration_seconds',
    () =>
      new Histogram({
        name: 'graphql_operation_duration_seconds',
        help: 'GraphQL operation latency by service, operation name and type',
        labelNames: ['service', 'operation', 'type'],
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
        registers: [registry],
      }),
  );
  const errors = sharedMetric(
    registry,
    'graphql_errors_total',
    () =>
      new Counter({
        name: 'graphql_errors_total',
        help: 'GraphQL errors by service, operation name and code',
        labelNames: ['service', 'operation', 'code'],
        registers: [registry],
      }),
  );
  const seen = new Set<string>();
  const label = (name: string | null | undefined): string => {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (seen.has(name)) return name;
    if (seen.size >= MAX_OPERATION_NAMES) return 'other';
    seen.add(name);
    return name;
  };

  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async didEncounterErrors({ errors: encountered, operationName }) {
          for (const error of encountered) {
            const code = error.extensions?.['code'];
            errors.inc({
              service,
              operation: label(operationName),
              code: typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR',
            });
          }
        },
        async willSendResponse({ operationName, operation }) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          duration.observe(
            { service, operation: label(operationName), type: operation?.operation ?? 'unknown' },
            seconds,
          );
        },
      };
    },
  };
}
