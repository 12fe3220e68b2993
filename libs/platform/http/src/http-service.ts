import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from '@apollo/server/plugin/disabled';
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express, type Request, type RequestHandler } from 'express';
import type { GraphQLSchema, ValidationRule } from 'graphql';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createErrorFormatter } from '@certif/platform-graphql';
import { graphqlMetricsPlugin } from './graphql-metrics.plugin';
import { context, SpanKind, trace } from '@opentelemetry/api';
import {
  contextFromHeaders,
  tracer,
  httpRequestDuration,
  metricsRegistry,
  REQUEST_ID_HEADER,
  requestIdFrom,
  runWithRequestId,
  type Logger,
} from '@certif/platform-observability';

/** Probes and scrapes: frequent, and not worth a log line each. */
const QUIET_ROUTES = new Set(['/healthz', '/readyz', '/metrics']);

/** Any path that no route matched: one label value, so probing random paths adds no series. */
export const UNMATCHED_ROUTE = 'unmatched';

/** The route's pattern (`/verify/:code`), never the raw path a client chose. */
export function routeLabel(request: Request): string {
  const pattern = (request.route as { path?: unknown } | undefined)?.path;
  if (typeof pattern === 'string') return pattern;
  // originalUrl: under app.use('/graphql'), `path` has lost its mount point.
  const path = request.originalUrl.split('?')[0] ?? '';
  if (path === '/graphql' || path.startsWith('/graphql/')) return '/graphql';
  return UNMATCHED_ROUTE;
}

export interface HttpServiceOptions<TContext extends BaseContext> {
  name: string;
  port: number;
  host?: string;
  logger: Logger;
  /** A subgraph's schema, or… */
  schema?: GraphQLSchema;
  /** …the gateway's. */
  gateway?: GatewayInterface;
  context: (request: Request, requestId: string) => Promise<TContext>;
  /** Ready to serve (database reachable…); /readyz answers 503 otherwise, with the problems. */
  readiness?: () => Promise<boolean | Readiness>;
  /** Routes besides /graphql (e.g. the public verification page). */
  routes?: (app: Express) => void;
  /** Largest accepted request body. */
  bodyLimit?: string;
  validationRules?: ValidationRule[];
  plugins?: ApolloServerPlugin<TContext>[];
  /** Runs on each parsed /graphql request before Apollo (the gateway's document limits). */
  beforeGraphql?: RequestHandler;
  /** Array bodies (batches); the gateway caps their size in `beforeGraphql`. */
  allowBatchedHttpRequests?: boolean;
  /** Schema introspection (on unless the service says otherwise). */
  introspection?: boolean;
}

/** What /readyz answers: ready, or not with what is wrong (one line each). */
export interface Readiness {
  ready: boolean;
  problems: string[];
}

async function checkReadiness(
  readiness: (() => Promise<boolean | Readiness>) | undefined,
): Promise<Readiness> {
  try {
    const answer = (await readiness?.()) ?? true;
    if (typeof answer !== 'boolean') return answer;
    return answer ? { ready: true, problems: [] } : { ready: false, problems: ['not ready'] };
  } catch (error) {
    return {
      ready: false,
      problems: [
        `readiness check failed: ${error instanceof Error ? error.message : String(error)}`,
      ],
    };
  }
}

export interface RunningHttpService {
  name: string;
  url: string;
  port: number;
  /** Stops taking requests, lets those in flight finish, then resolves. */
  stop(): Promise<void>;
}

/**
 * One service over HTTP: POST /graphql, GET /healthz (the process is alive), GET /readyz (it can
 * serve: started, dependencies reachable, not shutting down) and GET /metrics (Prometheus).
 * Every request runs with a request id, taken from the caller or made here, and echoed back.
 */
export async function startHttpService<TContext extends BaseContext>(
  options: HttpServiceOptions<TContext>,
): Promise<RunningHttpService> {
  const { name, logger } = options;
  const registry = metricsRegistry();
  const duration = httpRequestDuration(registry);
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  let accepting = false;

  app.use((request, response, next) => {
    const requestId = requestIdFrom(request.headers[REQUEST_ID_HEADER]);
    response.setHeader(REQUEST_ID_HEADER, requestId);
    const stopTimer = duration.startTimer({ service: name, method: request.method });
    const started = process.hrtime.bigint();
    response.on('finish', () => {
      stopTimer({ route: routeLabel(request), status: response.statusCode });
      if (QUIET_ROUTES.has(request.path)) return;
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info(
        {
          requestId,
          method: request.method,
          path: request.path,
          status: response.statusCode,
          durationMs,
        },
        'request',
      );
    });
    // A server span per request, child of the caller's (the gateway's fetch, or a client's).
    const parent = contextFromHeaders(request.headers);
    const span = tracer().startSpan(
      `${request.method} ${request.path}`,
      {
        kind: SpanKind.SERVER,
        attributes: { 'certif.service': name, 'certif.request_id': requestId },
      },
      parent,
    );
    response.on('finish', () => {
      span.setAttribute('http.status_code', response.statusCode);
      span.end();
    });
    context.with(trace.setSpan(parent, span), () => runWithRequestId(requestId, next));
  });

  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok', service: name });
  });
  app.get('/readyz', async (_request, response) => {
    const { ready, problems } = accepting
      ? await checkReadiness(options.readiness)
      : { ready: false, problems: ['starting or shutting down'] };
    response.status(ready ? 200 : 503).json({
      status: ready ? 'ready' : 'not ready',
      service: name,
      ...(ready ? {} : { problems }),
    });
  });
  app.get('/metrics', async (_request, response) => {
    response.setHeader('content-type', registry.contentType);
    response.send(await registry.metrics());
  });
  options.routes?.(app);

  const apollo = new ApolloServer<TContext>({
    ...(options.gateway
      ? { gateway: options.gateway }
      : { schema: options.schema as GraphQLSchema }),
    formatError: createErrorFormatter(logger),
    includeStacktraceInErrorResponses: false,
    // stopOnSignals stops the services in order on SIGTERM; Apollo's own handler (installed when
    // NODE_ENV=production) would stop this one too and re-send SIGTERM: read as a second signal.
    stopOnTerminationSignals: false,
    introspection: options.introspection ?? true,
    allowBatchedHttpRequests: options.allowBatchedHttpRequests ?? false,
    validationRules: options.validationRules ?? [],
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      graphqlMetricsPlugin<TContext>(name, registry),
      // No HTTP caching of GraphQL answers here; the cache-control plugin would otherwise wrap
      // every field resolver (a per-field cost found by profiling a subgraph under load).
      ApolloServerPluginCacheControlDisabled(),
      // Federated traces go to Apollo's cloud, which this platform does not use.
      ...(options.schema ? [ApolloServerPluginInlineTraceDisabled()] : []),
      ...(options.plugins ?? []),
    ],
  } as ConstructorParameters<typeof ApolloServer<TContext>>[0]);
  await apollo.start();

  app.use(
    '/graphql',
    express.json({ limit: options.bodyLimit ?? '1mb' }),
    ...(options.beforeGraphql ? [options.beforeGraphql] : []),
    expressMiddleware(apollo, {
      context: async ({ req }) =>
        options.context(
          req,
          String(req.res?.getHeader(REQUEST_ID_HEADER) ?? requestIdFrom(undefined)),
        ),
    }),
  );
  app.use(
    (
      error: Error & { status?: number; type?: string },
      _req: Request,
      res: express.Response,
      _next: express.NextFunction,
    ) => {
      const status = error.status ?? 500;
      if (status >= 500) logger.error({ err: error }, 'HTTP request failed');
      const message =
        error.type === 'entity.too.large'
          ? `The request body is larger than ${options.bodyLimit ?? '1mb'}; send a smaller request`
          : status >= 500
            ? 'Internal server error'
            : error.message;
      res.status(status).json({
        errors: [
          { message, extensions: { code: status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST' } },
        ],
      });
    },
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  accepting = true;
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://localhost:${port}/graphql`;
  logger.info({ url }, `${name} listening`);

  return {
    name,
    url,
    port,
    stop: async () => {
      accepting = false;
      await apollo.stop();
      logger.info(`${name} stopped`);
    },
  };
}
