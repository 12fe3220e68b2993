import 'reflect-metadata';
import { DEVELOPMENT_INTERNAL_SECRET } from '@certif/platform-auth';
import { systemClock } from '@certif/platform-calendar';
import { jwtVerifierConfig, loadConfig } from '@certif/platform-config';
import { stopOnSignals } from '@certif/platform-http';
import { createLogger, startTracing } from '@certif/platform-observability';
import { issuingConfigSchema, startIssuingService } from '@certif/issuing-service';

// The issuing subgraph alone (how it runs in a container), with its document routes, the
// public verification page and the JWKS of the key that signs the verifiable credentials.
async function main(): Promise<void> {
  const config = loadConfig('issuing', issuingConfigSchema);
  const tracing = startTracing({
    serviceName: 'issuing',
    ...(config.OTEL_EXPORTER_OTLP_ENDPOINT
      ? { otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT }
      : {}),
  });
  const logger = createLogger({ service: 'issuing', level: config.LOG_LEVEL });
  const service = await startIssuingService({
    port: config.PORT,
    logger,
    dataDir: config.DATA_DIR,
    clock: systemClock,
    internalSecret: config.INTERNAL_AUTH_SECRET ?? DEVELOPMENT_INTERNAL_SECRET,
    auth: jwtVerifierConfig(config),
    sweepIntervalMs: config.LAPSE_SWEEP_MINUTES * 60_000,
    ...(config.ISSUING_SIGNING_KEY ? { signingKey: config.ISSUING_SIGNING_KEY } : {}),
    ...(config.PUBLIC_BASE_URL ? { publicBaseUrl: config.PUBLIC_BASE_URL } : {}),
    ...(config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : {}),
    ...(config.KAFKA_BROKERS ? { kafkaBrokers: config.KAFKA_BROKERS } : {}),
  });
  stopOnSignals(logger, [...(tracing ? [tracing.shutdown] : []), service.stop]);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
