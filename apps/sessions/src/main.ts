import 'reflect-metadata';
import { DEVELOPMENT_INTERNAL_SECRET } from '@certif/platform-auth';
import { systemClock } from '@certif/platform-calendar';
import { jwtVerifierConfig, loadConfig, subgraphConfigSchema } from '@certif/platform-config';
import { stopOnSignals } from '@certif/platform-http';
import { createLogger, startTracing } from '@certif/platform-observability';
import { startSessionsService } from '@certif/sessions-service';

// The sessions subgraph alone (how it runs in a container), with the procès-verbal PDF route.
async function main(): Promise<void> {
  const config = loadConfig('sessions', subgraphConfigSchema(4003));
  const tracing = startTracing({
    serviceName: 'sessions',
    ...(config.OTEL_EXPORTER_OTLP_ENDPOINT
      ? { otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT }
      : {}),
  });
  const logger = createLogger({ service: 'sessions', level: config.LOG_LEVEL });
  const service = await startSessionsService({
    port: config.PORT,
    logger,
    dataDir: config.DATA_DIR,
    clock: systemClock,
    internalSecret: config.INTERNAL_AUTH_SECRET ?? DEVELOPMENT_INTERNAL_SECRET,
    auth: jwtVerifierConfig(config),
    ...(config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : {}),
    ...(config.KAFKA_BROKERS ? { kafkaBrokers: config.KAFKA_BROKERS } : {}),
  });
  stopOnSignals(logger, [...(tracing ? [tracing.shutdown] : []), service.stop]);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
