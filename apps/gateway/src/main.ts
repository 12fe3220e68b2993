// First: OpenTelemetry instruments the libraries loaded after it (when tracing is on).
import '@certif/platform-observability/instrument';
import 'reflect-metadata';
import { existsSync, readFileSync } from 'node:fs';
import { jwtVerifierConfig, loadConfig } from '@certif/platform-config';
import { DEVELOPMENT_INTERNAL_SECRET } from '@certif/platform-auth';
import {
  gatewayConfigSchema,
  introspectionEnabled,
  startGateway,
  subgraphUrlOverrides,
} from '@certif/gateway-server';
import { stopOnSignals } from '@certif/platform-http';
import { createLogger, startTracing } from '@certif/platform-observability';

// The gateway alone, serving the committed supergraph (how it runs in a container).
async function main(): Promise<void> {
  const config = loadConfig('gateway', gatewayConfigSchema);
  const tracing = startTracing({
    serviceName: 'gateway',
    ...(config.OTEL_EXPORTER_OTLP_ENDPOINT
      ? { otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT }
      : {}),
  });
  const logger = createLogger({ service: 'gateway', level: config.LOG_LEVEL });
  const gateway = await startGateway({
    port: config.PORT,
    logger,
    supergraphSdl: readFileSync(config.SUPERGRAPH_PATH, 'utf8'),
    subgraphUrls: subgraphUrlOverrides(config),
    auth: jwtVerifierConfig(config),
    internalSecret: config.INTERNAL_AUTH_SECRET ?? DEVELOPMENT_INTERNAL_SECRET,
    introspection: introspectionEnabled(config),
    production: config.NODE_ENV === 'production',
    ...(existsSync(config.QUERY_PLAN_WARM_UP_PATH)
      ? { warmUpDocuments: [readFileSync(config.QUERY_PLAN_WARM_UP_PATH, 'utf8')] }
      : {}),
  });
  stopOnSignals(logger, [...(tracing ? [tracing.shutdown] : []), gateway.stop]);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
