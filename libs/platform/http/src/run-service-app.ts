import { DEVELOPMENT_INTERNAL_SECRET } from '@certif/platform-auth';
import { systemClock } from '@certif/platform-calendar';
import {
  jwtVerifierConfig,
  loadConfig,
  type SubgraphConfig,
  type z,
} from '@certif/platform-config';
import { createLogger, startTracing, type Logger } from '@certif/platform-observability';
import type { RunningService, ServiceStartOptions } from './service-module';
import { stopOnSignals } from './shutdown';

export interface ServiceApp<C extends SubgraphConfig> {
  name: string;
  /** The service's configuration: `subgraphConfigKeys` plus its own keys, with `withAuthChecks`. */
  configSchema: z.ZodType<C>;
  /** Starts the service from the common options and its own configuration. */
  start(options: ServiceStartOptions, config: C, logger: Logger): Promise<RunningService>;
}

/**
 * The whole of an app's `main`: validate the environment (refusing to start with a message per
 * bad key), start tracing when configured, start the service, stop it gracefully on SIGTERM.
 */
export function runServiceApp<C extends SubgraphConfig>(app: ServiceApp<C>): void {
  const main = async () => {
    const config = loadConfig(app.name, app.configSchema);
    const tracing = startTracing({
      serviceName: app.name,
      ...(config.OTEL_EXPORTER_OTLP_ENDPOINT
        ? { otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT }
        : {}),
    });
    const logger = createLogger({ service: app.name, level: config.LOG_LEVEL });
    const service = await app.start(
      {
        port: config.PORT,
        logger,
        dataDir: config.DATA_DIR,
        databasePrefix: config.DATABASE_PREFIX,
        clock: systemClock,
        internalSecret: config.INTERNAL_AUTH_SECRET ?? DEVELOPMENT_INTERNAL_SECRET,
        auth: jwtVerifierConfig(config),
        eventRetention: {
          sentOutboxDays: config.EVENTS_SENT_OUTBOX_RETENTION_DAYS,
          inboxDays: config.EVENTS_INBOX_RETENTION_DAYS,
          deadLetterDays: config.EVENTS_DEAD_LETTER_RETENTION_DAYS,
          intervalMs: config.EVENTS_PRUNE_INTERVAL_MINUTES * 60_000,
        },
        eventBatchSize: config.EVENTS_BATCH_SIZE,
        ...(config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : {}),
        ...(config.KAFKA_BROKERS ? { kafkaBrokers: config.KAFKA_BROKERS } : {}),
      },
      config,
      logger,
    );
    stopOnSignals(logger, [...(tracing ? [tracing.shutdown] : []), service.stop]);
  };
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
