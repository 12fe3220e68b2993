import { ApolloGateway } from '@apollo/gateway';
import type { Express } from 'express';
import depthLimit from 'graphql-depth-limit';
import { createJwtVerifier, type JwtVerifierConfig } from '@certif/platform-auth';
import { startHttpService, type RunningHttpService } from '@certif/platform-http';
import type { Logger } from '@certif/platform-observability';
import { AuthenticatedDataSource } from './authenticated-data-source';
import { gatewayContext, type GatewayContext } from './gateway-context';

export interface GatewayOptions {
  port: number;
  logger: Logger;
  supergraphSdl: string;
  /** Overrides the URL the supergraph gives a subgraph (per deployment), by subgraph name. */
  subgraphUrls?: Record<string, string>;
  auth: JwtVerifierConfig;
  internalSecret: string;
  /** Largest request body; larger ones answer 413 before any parsing. */
  bodyLimit?: string;
  /** Deepest selection accepted; the contract's deepest operation needs 5. */
  maxDepth?: number;
  /** Routes besides /graphql (`npm start` forwards the other services' public routes). */
  routes?: (app: Express) => void;
}

export const DEFAULT_MAX_DEPTH = 10;

export async function startGateway(options: GatewayOptions): Promise<RunningHttpService> {
  const verify = createJwtVerifier(options.auth);
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) =>
      new AuthenticatedDataSource(
        options.subgraphUrls?.[name] ?? (url as string),
        options.internalSecret,
      ),
  });
  return startHttpService<GatewayContext>({
    name: 'gateway',
    port: options.port,
    logger: options.logger,
    gateway,
    bodyLimit: options.bodyLimit ?? '100kb',
    validationRules: [depthLimit(options.maxDepth ?? DEFAULT_MAX_DEPTH)],
    ...(options.routes ? { routes: options.routes } : {}),
    context: (request, requestId) =>
      gatewayContext(verify, request.headers.authorization, requestId),
  });
}
