import { z } from 'zod';
import { authKeys, withAuthChecks } from './auth-config';
import {
  allowEmbeddedInProduction,
  databasePrefix,
  databaseUrl,
  dataDir,
  deadLetterRetentionDays,
  eventsBatchSize,
  eventsPruneIntervalMinutes,
  inboxRetentionDays,
  sentOutboxRetentionDays,
  kafkaBrokers,
  logLevel,
  otlpEndpoint,
  port,
} from './keys';

/** The keys every subgraph service reads; a service adds its own with `.extend()` before `withAuthChecks`. */
export function subgraphConfigKeys(defaultPort: number) {
  return z.object({
    ...authKeys,
    LOG_LEVEL: logLevel,
    PORT: port(defaultPort),
    DATABASE_URL: databaseUrl,
    DATABASE_PREFIX: databasePrefix,
    DATA_DIR: dataDir,
    KAFKA_BROKERS: kafkaBrokers,
    ALLOW_EMBEDDED_IN_PRODUCTION: allowEmbeddedInProduction,
    EVENTS_SENT_OUTBOX_RETENTION_DAYS: sentOutboxRetentionDays,
    EVENTS_INBOX_RETENTION_DAYS: inboxRetentionDays,
    EVENTS_DEAD_LETTER_RETENTION_DAYS: deadLetterRetentionDays,
    EVENTS_PRUNE_INTERVAL_MINUTES: eventsPruneIntervalMinutes,
    EVENTS_BATCH_SIZE: eventsBatchSize,
    OTEL_EXPORTER_OTLP_ENDPOINT: otlpEndpoint,
  });
}

export function subgraphConfigSchema(defaultPort: number) {
  return withAuthChecks(subgraphConfigKeys(defaultPort));
}

export type SubgraphConfig = z.infer<ReturnType<typeof subgraphConfigKeys>>;
