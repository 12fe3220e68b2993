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
import type { Server } from 'node:http';
import type { Registry } from 'prom-client';
import { createErrorFormatter } from '@certif/platform-graphql';
import type { Logger } from '@certif/platform-observability';
import { graphqlMetricsPlugin } from '../graphql-metrics.plugin';
import { requestIdOf } from './request-id.middleware';

/** What /graphql serves and how. */
export interface GraphqlOptions<TContext extends BaseContext> {
  /** A subgraph's schema, or… */
  schema?: GraphQLSchema;
  /** …the gateway's. */
  gateway?: GatewayInterface;
  context: (request: Request, requestId: string) => Promise<TContext>;
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

export interface ApolloMount {
  service: string;
  logger: Logger;
  registry: Registry;
  httpServer: Server;
}

/** Starts Apollo and serves it at POST /graphql; stopping it drains the HTTP server. */
export async function mountApollo<TContext extends BaseContext>(
  app: Express,
  { service, logger, registry, httpServer }: ApolloMount,
  options: GraphqlOptions<TContext>,
): Promise<ApolloServer<TContext>> {
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
      graphqlMetricsPlugin<TContext>(service, registry),
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
      context: async ({ req, res }) => options.context(req, requestIdOf(res)),
    }),
  );
  return apollo;
}
