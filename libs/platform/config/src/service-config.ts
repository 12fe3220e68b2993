import { z } from 'zod';
import { authKeys, withAuthChecks } from './auth-config';
import {
  allowEmbeddedInProduction,
  databasePrefix,
  databaseUrl,
  dataDir,
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
    OTEL_EXPORTER_OTLP_ENDPOINT: otlpEndpoint,
  });
}

export function subgraphConfigSchema(defaultPort: number) {
  return withAuthChecks(subgraphConfigKeys(defaultPort));
}

export type SubgraphConfig = z.infer<ReturnType<typeof subgraphConfigKeys>>;
