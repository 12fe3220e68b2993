import type { ApolloServer, BaseContext } from '@apollo/server';
import express, { type Express } from 'express';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { metricsRegistry, type Logger } from '@certif/platform-observability';
import { accessLogMiddleware } from './middleware/access-log.middleware';
import { mountApollo, type GraphqlOptions } from './middleware/apollo';
import { errorHandler } from './middleware/error-handler.middleware';
import { healthRoutes, type ReadinessCheck } from './middleware/health.routes';
import { requestIdMiddleware } from './middleware/request-id.middleware';
import { tracingMiddleware } from './middleware/tracing.middleware';

export { UNMATCHED_ROUTE, routeLabel } from './middleware/route-label';
export type { Readiness, ReadinessCheck } from './middleware/health.routes';
export type { GraphqlOptions } from './middleware/apollo';

/** What a service serves besides its name and port: /graphql, its readiness, its own routes. */
export interface ServeOptions<TContext extends BaseContext> extends GraphqlOptions<TContext> {
  /** Ready to serve (database reachable…); /readyz answers 503 otherwise, with the problems. */
  readiness?: ReadinessCheck;
  /** Routes besides /graphql (e.g. the public verification page). */
  routes?: (app: Express) => void;
}

export interface HttpServiceOptions<TContext extends BaseContext> extends ServeOptions<TContext> {
  name: string;
  port: number;
  host?: string;
  logger: Logger;
}

export interface RunningHttpService {
  name: string;
  url: string;
  port: number;
  /** Stops taking requests, lets those in flight finish, then resolves. */
  stop(): Promise<void>;
}

/**
 * A service's HTTP server in two steps, in either order: `listen` (the port, hence the URL, is
 * known) and `serve` (routes and /graphql mounted). /readyz answers 503 until both are done.
 */
export interface HttpHost extends RunningHttpService {
  listen(): Promise<void>;
  serve<TContext extends BaseContext>(options: ServeOptions<TContext>): Promise<void>;
  /** http://localhost:<port>, once listening. */
  readonly origin: string;
}

/**
 * The server of one service, before it serves anything: request ids, access log and metrics,
 * tracing, /healthz, /readyz and /metrics.
 */
export function createHttpHost(options: {
  name: string;
  port: number;
  host?: string;
  logger: Logger;
}): HttpHost {
  const { name, logger } = options;
  const registry = metricsRegistry();
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  let listening = false;
  let served = false;
  let stopping = false;
  let readiness: ReadinessCheck | undefined;
  let apollo: ApolloServer<never> | undefined;
  let port = options.port;

  app.use(requestIdMiddleware());
  app.use(accessLogMiddleware(name, logger, registry));
  app.use(tracingMiddleware(name));
  healthRoutes(app, {
    service: name,
    registry,
    accepting: () => listening && served && !stopping,
    readiness: () => readiness,
  });

  return {
    name,
    get port() {
      return port;
    },
    get origin() {
      return `http://localhost:${port}`;
    },
    get url() {
      return `http://localhost:${port}/graphql`;
    },
    listen: async () => {
      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
      });
      port = (httpServer.address() as AddressInfo).port;
      listening = true;
      logger.info({ url: `http://localhost:${port}/graphql` }, `${name} listening`);
    },
    serve: async <TContext extends BaseContext>(serve: ServeOptions<TContext>) => {
      readiness = serve.readiness;
      serve.routes?.(app);
      apollo = (await mountApollo(
        app,
        { service: name, logger, registry, httpServer },
        serve,
      )) as unknown as ApolloServer<never>;
      app.use(errorHandler(logger, serve.bodyLimit ?? '1mb'));
      served = true;
    },
    stop: async () => {
      stopping = true;
      if (apollo) await apollo.stop();
      else if (listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      logger.info(`${name} stopped`);
    },
  };
}

/**
 * One service over HTTP: POST /graphql, GET /healthz, GET /readyz and GET /metrics. Every
 * request runs with a request id, taken from the caller or made here, and echoed back.
 */
export async function startHttpService<TContext extends BaseContext>(
  options: HttpServiceOptions<TContext>,
): Promise<RunningHttpService> {
  const host = createHttpHost(options);
  await host.serve(options);
  await host.listen();
  return host;
}
