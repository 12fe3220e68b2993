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
import { startCandidatesService } from '@certif/candidates-service';

const configSchema = withAuthChecks(
  subgraphConfigKeys(4002).extend({
    ISSUING_SERVICE_URL: z
      .url()
      .optional()
      .describe(
        "issuing service's base URL, e.g. http://issuing:4004, for its part of exportMyData",
      ),
  }),
).refine((c) => c.NODE_ENV !== 'production' || c.ISSUING_SERVICE_URL, {
  path: ['ISSUING_SERVICE_URL'],
  message: 'is required in production: without it a GDPR export would miss livrets and parchemins',
});

// The candidates subgraph alone (how it runs in a container).
async function main(): Promise<void> {
  const config = loadConfig('candidates', configSchema);
  const tracing = startTracing({
    serviceName: 'candidates',
    ...(config.OTEL_EXPORTER_OTLP_ENDPOINT
      ? { otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT }
      : {}),
  });
  const logger = createLogger({ service: 'candidates', level: config.LOG_LEVEL });
  const issuingUrl = config.ISSUING_SERVICE_URL;
  if (!issuingUrl)
    logger.warn('ISSUING_SERVICE_URL is unset: exportMyData will hold the candidates section only');
  const service = await startCandidatesService({
    port: config.PORT,
    logger,
    dataDir: config.DATA_DIR,
    clock: systemClock,
    internalSecret: config.INTERNAL_AUTH_SECRET ?? DEVELOPMENT_INTERNAL_SECRET,
    auth: jwtVerifierConfig(config),
    ...(issuingUrl
      ? { remotePersonalData: [{ source: 'issuing', baseUrl: () => issuingUrl }] }
      : {}),
    ...(config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : {}),
    ...(config.KAFKA_BROKERS ? { kafkaBrokers: config.KAFKA_BROKERS } : {}),
  });
  stopOnSignals(logger, [...(tracing ? [tracing.shutdown] : []), service.stop]);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
