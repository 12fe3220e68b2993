import type { RequestHandler } from 'express';
import type { Registry } from 'prom-client';
import { httpRequestDuration, type Logger } from '@certif/platform-observability';
import { requestIdOf } from './request-id.middleware';
import { routeLabel } from './route-label';

/** Probes and scrapes: frequent, and not worth a log line each. */
const QUIET_ROUTES = new Set(['/healthz', '/readyz', '/metrics']);

/** Each request's duration in the metrics (by route pattern) and, unless a probe, a log line. */
export function accessLogMiddleware(
  service: string,
  logger: Logger,
  registry: Registry,
): RequestHandler {
  const duration = httpRequestDuration(registry);
  return (request, response, next) => {
    const stopTimer = duration.startTimer({ service, method: request.method });
    const started = process.hrtime.bigint();
    response.on('finish', () => {
      stopTimer({ route: routeLabel(request), status: response.statusCode });
      if (QUIET_ROUTES.has(request.path)) return;
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info(
        {
          requestId: requestIdOf(response),
          method: request.method,
          path: request.path,
          status: response.statusCode,
          durationMs,
        },
        'request',
      );
    });
    next();
  };
}
