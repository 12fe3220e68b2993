import { ApolloGateway } from '@apollo/gateway';
import type { Express } from 'express';
import { createJwtVerifier, type JwtVerifierConfig } from '@certif/platform-auth';
import { startHttpService, type RunningHttpService } from '@certif/platform-http';
import type { Logger } from '@certif/platform-observability';
import { AuthenticatedDataSource } from './authenticated-data-source';
import { DEFAULT_DOCUMENT_LIMITS, type DocumentLimits } from './document-limits';
import { gatewayContext, type GatewayContext } from './gateway-context';
import { schemaLocationLandingPage } from './landing-page';
import { operationsOf, warmQueryPlans } from './query-plan-warm-up';
import { requestLimitsMiddleware } from './request-limits.middleware';

export interface GatewayOptions {
  port: number;
  logger: Logger;
  supergraphSdl: string;
  /** Overrides the URL the supergraph gives a subgraph (per deployment), by subgraph name. */
  subgraphUrls?: Record<string, string>;
  auth: JwtVerifierConfig;
  /** Signs the forwarded identity; the first secret of a rotation list. */
  internalSecret: string;
  /** Largest request body; larger ones answer 413 before any parsing. */
  bodyLimit?: string;
  /** Depth, aliases, directives, tokens, cost, batch and list sizes (README "Security"). */
  limits?: Partial<DocumentLimits>;
  /** Introspection on (development default); production turns it off unless asked. */
  introspection?: boolean;
  /** Production: no Sandbox; the landing page says where the schema is. */
  production?: boolean;
  /** Routes besides /graphql (`npm start` forwards the other services' public routes). */
  routes?: (app: Express) => void;
  /**
   * GraphQL documents whose operations are planned at start (the contract's): their first call
   * does not pay for its query plan.
   */
  warmUpDocuments?: readonly string[];
  /** Ask subgraphs for inline traces (ftv1); off: this platform reports no traces to Apollo. */
  inlineTraces?: boolean;
}

export async function startGateway(options: GatewayOptions): Promise<RunningHttpService> {
  const verify = createJwtVerifier(options.auth);
  const limits = { ...DEFAULT_DOCUMENT_LIMITS, ...options.limits };
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) =>
      new AuthenticatedDataSource(
        options.subgraphUrls?.[name] ?? (url as string),
        options.internalSecret,
        options.inlineTraces ?? false,
      ),
  });
  const http = await startHttpService<GatewayContext>({
    name: 'gateway',
    port: options.port,
    logger: options.logger,
    gateway,
    bodyLimit: options.bodyLimit ?? '100kb',
    beforeGraphql: requestLimitsMiddleware(limits),
    allowBatchedHttpRequests: limits.maxBatch > 1,
    introspection: options.introspection ?? !options.production,
    ...(options.production ? { plugins: [schemaLocationLandingPage()] } : {}),
    ...(options.routes ? { routes: options.routes } : {}),
    context: (request, requestId) =>
      gatewayContext(verify, request.headers.authorization, requestId),
  });
  if (options.warmUpDocuments?.length) {
    const started = process.hrtime.bigint();
    const planned = await warmQueryPlans(gateway, operationsOf(options.warmUpDocuments));
    options.logger.info(
      { planned, ms: Number(process.hrtime.bigint() - started) / 1e6 },
      'query plans warmed up',
    );
  }
  return http;
}
