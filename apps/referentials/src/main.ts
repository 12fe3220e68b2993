import 'reflect-metadata';
import { DEVELOPMENT_INTERNAL_SECRET } from '@certif/platform-auth';
import { systemClock } from '@certif/platform-calendar';
import {
  jwtVerifierConfig,
  loadConfig,
  subgraphConfigKeys,
  withAuthChecks,
  z,
} from '@certif/platform-config';
import { stopOnSignals } from '@certif/platform-http';
import { createLogger, startTracing } from '@certif/platform-observability';
import { startReferentialsService } from '@certif/referentials-service';

const configSchema = withAuthChecks(
  subgraphConfigKeys(4001).extend({
    LOAD_SEED_CERTIFICATIONS: z
      .enum(['true', 'false'])
      .default('true')
      .describe('load the five seed certifications when absent'),
  }),
);

// The referentials subgraph alone (how it runs in a container).
async function main(): Promise<void> {
  const config = loadConfig('referentials', configSchema);
  const tracing = startTracing({
    serviceName: 'referentials',
    ...(config.OTEL_EXPORTER_OTLP_ENDPOINT
      ? { otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT }
      : {}),
  });
  const logger = createLogger({ service: 'referentials', level: config.LOG_LEVEL });
  const service = await startReferentialsService({
    port: config.PORT,
    logger,
    dataDir: config.DATA_DIR,
    clock: systemClock,
    internalSecret: config.INTERNAL_AUTH_SECRET ?? DEVELOPMENT_INTERNAL_SECRET,
    auth: jwtVerifierConfig(config),
    loadSeeds: config.LOAD_SEED_CERTIFICATIONS === 'true',
    ...(config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : {}),
    ...(config.KAFKA_BROKERS ? { kafkaBrokers: config.KAFKA_BROKERS } : {}),
  });
  stopOnSignals(logger, [...(tracing ? [tracing.shutdown] : []), service.stop]);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
