import { authKeys, configKeys, withAuthChecks, z } from '@certif/platform-config';

const { logLevel, otlpEndpoint, port } = configKeys;

export const gatewayConfigKeys = z.object({
  ...authKeys,
  LOG_LEVEL: logLevel,
  PORT: port(4000),
  OTEL_EXPORTER_OTLP_ENDPOINT: otlpEndpoint,
  SUPERGRAPH_PATH: z
    .string()
    .default('apps/gateway/supergraph.graphql')
    .describe('composed supergraph SDL (tools/compose-supergraph writes it)'),
  QUERY_PLAN_WARM_UP_PATH: z
    .string()
    .default('libs/client/src/operations.graphql')
    .describe(
      "GraphQL operations planned at start (the contract's, written by npm run codegen); skipped when absent",
    ),
  REFERENTIALS_URL: z
    .url()
    .optional()
    .describe('referentials subgraph URL, overriding the supergraph'),
  CANDIDATES_URL: z.url().optional().describe('candidates subgraph URL, overriding the supergraph'),
  SESSIONS_URL: z.url().optional().describe('sessions subgraph URL, overriding the supergraph'),
  ISSUING_URL: z.url().optional().describe('issuing subgraph URL, overriding the supergraph'),
  GRAPHQL_INTROSPECTION: z
    .enum(['true', 'false'])
    .optional()
    .describe('true or false; schema introspection, off by default when NODE_ENV=production'),
});

export const gatewayConfigSchema = withAuthChecks(gatewayConfigKeys);

export type GatewayConfig = z.infer<typeof gatewayConfigKeys>;

export function subgraphUrlOverrides(config: GatewayConfig): Record<string, string> {
  const entries = {
    referentials: config.REFERENTIALS_URL,
    candidates: config.CANDIDATES_URL,
    sessions: config.SESSIONS_URL,
    issuing: config.ISSUING_URL,
  };
  return Object.fromEntries(
    Object.entries(entries).filter((e): e is [string, string] => Boolean(e[1])),
  );
}

/** Introspection: as configured, else on outside production only. */
export function introspectionEnabled(config: GatewayConfig): boolean {
  if (config.GRAPHQL_INTROSPECTION) return config.GRAPHQL_INTROSPECTION === 'true';
  return config.NODE_ENV !== 'production';
}
