import { readFileSync } from 'node:fs';
import type { KafkaConfig, SASLOptions } from 'kafkajs';

/** The environment keys that secure the connection to Kafka (README, Configuration). */
export const kafkaSecurityKeys = [
  'KAFKA_SSL',
  'KAFKA_SSL_CA_FILE',
  'KAFKA_SASL_MECHANISM',
  'KAFKA_SASL_USERNAME',
  'KAFKA_SASL_PASSWORD',
] as const;

export type KafkaSecurityEnv = Partial<Record<(typeof kafkaSecurityKeys)[number], string>>;

export type KafkaSecurity = Pick<KafkaConfig, 'ssl' | 'sasl'>;

export class KafkaSecurityError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `the Kafka security settings are not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'KafkaSecurityError';
  }
}

const mechanisms = ['scram-sha-256', 'scram-sha-512'] as const;

/**
 * kafkajs `ssl` and `sasl` from the environment. `KAFKA_SSL=true` encrypts the connection and
 * checks the broker's certificate (against `KAFKA_SSL_CA_FILE`, PEM, when given; the system's
 * authorities otherwise). `KAFKA_SASL_MECHANISM` (SCRAM-SHA-256 or SCRAM-SHA-512) authenticates
 * as `KAFKA_SASL_USERNAME` with `KAFKA_SASL_PASSWORD`. Unset: plain, anonymous connections.
 * Throws KafkaSecurityError naming each bad key.
 */
export function kafkaSecurityFromEnv(env: KafkaSecurityEnv): KafkaSecurity {
  const value = (key: keyof KafkaSecurityEnv) => {
    const raw = env[key]?.trim();
    return raw === '' ? undefined : raw;
  };
  const problems: string[] = [];
  const security: KafkaSecurity = {};

  const sslFlag = value('KAFKA_SSL')?.toLowerCase();
  if (sslFlag !== undefined && !['true', 'false', '1', '0'].includes(sslFlag)) {
    problems.push(`KAFKA_SSL: "${env.KAFKA_SSL}" is not true or false`);
  }
  const ssl = sslFlag === 'true' || sslFlag === '1';
  const caFile = value('KAFKA_SSL_CA_FILE');
  if (caFile !== undefined && !ssl) {
    problems.push('KAFKA_SSL_CA_FILE: is only used with KAFKA_SSL=true; set it too');
  }
  if (ssl) {
    if (caFile === undefined) security.ssl = { rejectUnauthorized: true };
    else {
      try {
        security.ssl = { rejectUnauthorized: true, ca: [readFileSync(caFile, 'utf8')] };
      } catch (error) {
        problems.push(
          `KAFKA_SSL_CA_FILE: cannot read ${caFile} (${error instanceof Error ? error.message : String(error)})`,
        );
      }
    }
  }

  const mechanism = value('KAFKA_SASL_MECHANISM')?.toLowerCase();
  const username = value('KAFKA_SASL_USERNAME');
  const password = env.KAFKA_SASL_PASSWORD;
  if (mechanism === undefined) {
    if (username !== undefined || password !== undefined) {
      problems.push('KAFKA_SASL_MECHANISM: is required with KAFKA_SASL_USERNAME/PASSWORD');
    }
  } else if (!(mechanisms as readonly string[]).includes(mechanism)) {
    problems.push(
      `KAFKA_SASL_MECHANISM: "${env.KAFKA_SASL_MECHANISM}" is not supported (SCRAM-SHA-256 or SCRAM-SHA-512)`,
    );
  } else {
    if (username === undefined) problems.push('KAFKA_SASL_USERNAME: is required with SASL');
    if (password === undefined || password === '') {
      problems.push('KAFKA_SASL_PASSWORD: is required with SASL');
    }
    if (username !== undefined && password) {
      security.sasl = {
        mechanism: mechanism as (typeof mechanisms)[number],
        username,
        password,
      } as SASLOptions;
    }
  }
  if (problems.length > 0) throw new KafkaSecurityError(problems);
  return security;
}

/** What the logs may say about the settings: never the password. */
export function describeKafkaSecurity(security: KafkaSecurity): string {
  const tls = security.ssl ? 'TLS' : 'no TLS';
  const sasl = security.sasl
    ? `SASL ${security.sasl.mechanism.toUpperCase()} as ${(security.sasl as { username: string }).username}`
    : 'no SASL';
  return `${tls}, ${sasl}`;
}
