import { z } from 'zod';
import { databaseUrl, dataDir, internalAuthSecret, kafkaBrokers, logLevel, nodeEnv, port } from './keys';

/** The keys every subgraph service reads; a service extends it with its own. */
export function subgraphConfigSchema(defaultPort: number) {
  return z
    .object({
      NODE_ENV: nodeEnv,
      LOG_LEVEL: logLevel,
      PORT: port(defaultPort),
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      KAFKA_BROKERS: kafkaBrokers,
      INTERNAL_AUTH_SECRET: internalAuthSecret,
    })
    .refine((config) => config.NODE_ENV !== 'production' || config.INTERNAL_AUTH_SECRET !== undefined, {
      path: ['INTERNAL_AUTH_SECRET'],
      message: 'is required when NODE_ENV=production (the development secret is public)',
    });
}

export type SubgraphConfig = z.infer<ReturnType<typeof subgraphConfigSchema>>;
