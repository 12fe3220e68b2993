import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeKafkaSecurity, kafkaSecurityFromEnv, KafkaSecurityError } from './kafka-security';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    kafkaSecurityFromEnv(env);
  } catch (error) {
    if (error instanceof KafkaSecurityError) return error.problems;
    throw error;
  }
  return [];
};

describe('Kafka security settings from the environment', () => {
  it('unset: plain, anonymous connections', () => {
    expect(kafkaSecurityFromEnv({})).toEqual({});
    expect(kafkaSecurityFromEnv({ KAFKA_SSL: 'false', KAFKA_SASL_MECHANISM: '' })).toEqual({});
  });

  it('KAFKA_SSL=true checks the broker certificate, against KAFKA_SSL_CA_FILE when given', () => {
    expect(kafkaSecurityFromEnv({ KAFKA_SSL: 'true' })).toEqual({
      ssl: { rejectUnauthorized: true },
    });
    const caFile = join(mkdtempSync(join(tmpdir(), 'certif-ca-')), 'ca.pem');
    writeFileSync(caFile, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    expect(kafkaSecurityFromEnv({ KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: caFile }).ssl).toEqual({
      rejectUnauthorized: true,
      ca: [expect.stringContaining('BEGIN CERTIFICATE')],
    });
  });

  it('SCRAM-SHA-256 or SCRAM-SHA-512 with a user and a password', () => {
    const security = kafkaSecurityFromEnv({
      KAFKA_SSL: 'true',
      KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512',
      KAFKA_SASL_USERNAME: 'issuing',
      KAFKA_SASL_PASSWORD: 's3cret',
    });
    expect(security.sasl).toEqual({
      mechanism: 'scram-sha-512',
      username: 'issuing',
      password: 's3cret',
    });
    // What the logs say: never the password.
    expect(describeKafkaSecurity(security)).toBe('TLS, SASL SCRAM-SHA-512 as issuing');
  });

  it.each([
    [{ KAFKA_SSL: 'yes' }, /KAFKA_SSL: "yes" is not true or false/],
    [{ KAFKA_SSL_CA_FILE: '/ca.pem' }, /KAFKA_SSL_CA_FILE: is only used with KAFKA_SSL=true/],
    [{ KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: '/nowhere/ca.pem' }, /KAFKA_SSL_CA_FILE: cannot read/],
    [{ KAFKA_SASL_MECHANISM: 'PLAIN' }, /KAFKA_SASL_MECHANISM: "PLAIN" is not supported/],
    [{ KAFKA_SASL_MECHANISM: 'SCRAM-SHA-256' }, /KAFKA_SASL_USERNAME: is required/],
    [{ KAFKA_SASL_USERNAME: 'issuing' }, /KAFKA_SASL_MECHANISM: is required/],
  ])('refuses %p, naming the key', (env, problem) => {
    expect(problemsOf(env).join('\n')).toMatch(problem);
  });
});
