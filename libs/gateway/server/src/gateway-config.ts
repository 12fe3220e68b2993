import { configKeys, z } from '@certif/platform-config';
import { DEVELOPMENT_JWT_SECRET, type JwtVerifierConfig } from '@certif/platform-auth';

const { nodeEnv, logLevel, port, internalAuthSecret } = configKeys;

export const gatewayConfigSchema = z
  .object({
    NODE_ENV: nodeEnv,
    LOG_LEVEL: logLevel,
    PORT: port(4000),
    AUTH_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional()
      .describe('HS256 secret the bearer tokens are signed with'),
    AUTH_JWKS_URL: z.url().optional().describe("identity provider's JWKS URL (RS256/ES256)"),
    AUTH_ISSUER: z.string().optional().describe('expected iss of tokens (required with AUTH_JWKS_URL)'),
    AUTH_AUDIENCE: z.string().optional().describe('expected aud of tokens (required with AUTH_JWKS_URL)'),
    INTERNAL_AUTH_SECRET: internalAuthSecret,
    SUPERGRAPH_PATH: z.string().default('apps/gateway/supergraph.graphql')
      .describe('composed supergraph SDL (tools/compose-supergraph writes it)'),
    REFERENTIALS_URL: z.url().optional().describe('referentials subgraph URL, overriding the supergraph'),
    CANDIDATES_URL: z.url().optional().describe('candidates subgraph URL, overriding the supergraph'),
    SESSIONS_URL: z.url().optional().describe('sessions subgraph URL, overriding the supergraph'),
    ISSUING_URL: z.url().optional().describe('issuing subgraph URL, overriding the supergraph'),
  })
  .refine((c) => !c.AUTH_JWKS_URL || (c.AUTH_ISSUER && c.AUTH_AUDIENCE), {
    path: ['AUTH_JWKS_URL'],
    message: 'needs AUTH_ISSUER and AUTH_AUDIENCE',
  })
  .refine((c) => c.NODE_ENV !== 'production' || c.AUTH_JWT_SECRET || c.AUTH_JWKS_URL, {
    path: ['AUTH_JWT_SECRET'],
    message: 'production needs AUTH_JWT_SECRET or AUTH_JWKS_URL: the development secret is public',
  })
  .refine((c) => c.NODE_ENV !== 'production' || c.INTERNAL_AUTH_SECRET, {
    path: ['INTERNAL_AUTH_SECRET'],
    message: 'is required when NODE_ENV=production (the development secret is public)',
  });

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

/** JWKS when configured, else HS256 with the configured or the development secret. */
export function jwtVerifierConfig(config: GatewayConfig): JwtVerifierConfig {
  if (config.AUTH_JWKS_URL) {
    return { kind: 'jwks', jwksUrl: config.AUTH_JWKS_URL, issuer: config.AUTH_ISSUER as string, audience: config.AUTH_AUDIENCE as string };
  }
  return {
    kind: 'hs256',
    secret: config.AUTH_JWT_SECRET ?? DEVELOPMENT_JWT_SECRET,
    ...(config.AUTH_ISSUER ? { issuer: config.AUTH_ISSUER } : {}),
    ...(config.AUTH_AUDIENCE ? { audience: config.AUTH_AUDIENCE } : {}),
  };
}

export function subgraphUrlOverrides(config: GatewayConfig): Record<string, string> {
  const entries = {
    referentials: config.REFERENTIALS_URL,
    candidates: config.CANDIDATES_URL,
    sessions: config.SESSIONS_URL,
    issuing: config.ISSUING_URL,
  };
  return Object.fromEntries(Object.entries(entries).filter((e): e is [string, string] => Boolean(e[1])));
}
