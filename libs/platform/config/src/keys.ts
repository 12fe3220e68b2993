import { z } from 'zod';

/** Configuration keys shared by several services, each documented where it is declared. */
export const nodeEnv = z
  .enum(['development', 'test', 'production'])
  .default('development')
  .describe('development, test or production; production refuses unsafe defaults');

export const logLevel = z
  .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  .default('info')
  .describe('pino log level');

export function port(defaultPort: number) {
  return z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .default(defaultPort)
    .describe(`TCP port to listen on (default ${defaultPort})`);
}

export const databaseUrl = z
  .string()
  .regex(/^mysql:\/\//, 'must start with mysql://, e.g. mysql://root@127.0.0.1:3306')
  .optional()
  .describe(
    'MySQL/MariaDB server, mysql://user:pass@host:port; unset: embedded SQLite in DATA_DIR',
  );

export const dataDir = z
  .string()
  .default('.data')
  .describe('folder of the embedded SQLite files when DATABASE_URL is unset');

export const kafkaBrokers = z
  .string()
  .regex(/^[^,\s]+(,[^,\s]+)*$/, 'must be a comma-separated list of host:port')
  .optional()
  .describe('Kafka brokers, host:port,host:port; unset: the embedded in-process transport');

/** One secret, or several comma-separated while rotating (README "Security"); each ≥ 32 characters. */
function secretList(what: string) {
  return z
    .string()
    .refine(
      (value) => value.split(',').every((secret) => secret.trim().length >= 32),
      'each comma-separated secret must be at least 32 characters',
    )
    .optional()
    .describe(`${what}; several, comma-separated, while rotating (the first one signs)`);
}

export const internalAuthSecret = secretList(
  'shared secret by which subgraphs know a call comes from the gateway',
);

export const authJwtSecret = secretList('HS256 secret the bearer tokens are signed with');

export const authMaxTokenAge = z.coerce
  .number()
  .int()
  .min(60)
  .default(12 * 60 * 60)
  .describe('seconds; bearer tokens issued (iat) longer ago are refused (default 43200, 12 h)');

export const authJwksUrl = z
  .url()
  .optional()
  .describe("identity provider's JWKS URL (RS256/ES256)");
export const authIssuer = z
  .string()
  .optional()
  .describe('expected iss of tokens (required with AUTH_JWKS_URL)');
export const authAudience = z
  .string()
  .optional()
  .describe('expected aud of tokens (required with AUTH_JWKS_URL)');

export const otlpEndpoint = z
  .url()
  .optional()
  .describe(
    'OpenTelemetry collector (OTLP/HTTP), e.g. http://otel-collector:4318; unset: no tracing',
  );

export const databasePrefix = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'lower-case letters, digits and _')
  .default('certif')
  .describe('database names on MySQL are <prefix>_<service> (default certif_<service>)');

export const allowEmbeddedInProduction = z
  .enum(['true', 'false'])
  .default('false')
  .describe(
    'true lets NODE_ENV=production run without KAFKA_BROKERS or DATABASE_URL (embedded bus, SQLite): one machine only',
  );

function retentionDays(defaultDays: number, what: string) {
  return z.coerce
    .number()
    .min(0)
    .default(defaultDays)
    .describe(
      `days ${what} are kept before the scheduled prune deletes them (default ${defaultDays})`,
    );
}

export const sentOutboxRetentionDays = retentionDays(7, 'sent outbox rows');
export const inboxRetentionDays = retentionDays(
  30,
  'handled event ids (keep longer than the broker retains messages)',
);
export const deadLetterRetentionDays = retentionDays(90, 'dead letters');
export const eventsBatchSize = z.coerce
  .number()
  .int()
  .min(1)
  .max(500)
  .default(50)
  .describe(
    'waiting events of a partition a consumer handles in one transaction, at most (1: one per event)',
  );
export const eventsPruneIntervalMinutes = z.coerce
  .number()
  .int()
  .min(0)
  .default(60)
  .describe('how often the event tables are pruned (0: never; events-admin prunes by hand)');
