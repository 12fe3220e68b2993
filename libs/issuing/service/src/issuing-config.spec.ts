import { ConfigError, loadConfig } from '@certif/platform-config';
import { issuingConfigSchema } from './issuing-config';

const production = {
  NODE_ENV: 'production',
  AUTH_JWT_SECRET: 's'.repeat(40),
  INTERNAL_AUTH_SECRET: 'i'.repeat(40),
  DATABASE_URL: 'mysql://issuing:pw@mysql:3306',
  KAFKA_BROKERS: 'kafka:9092',
};

describe('issuing configuration', () => {
  it('starts in development without a signing key, on the contract port', () => {
    const config = loadConfig('issuing', issuingConfigSchema, {});
    expect(config).toMatchObject({ PORT: 4004, LAPSE_SWEEP_MINUTES: 60 });
    expect(config.ISSUING_SIGNING_KEY).toBeUndefined();
  });

  it('refuses to start in production without ISSUING_SIGNING_KEY', () => {
    expect(() => loadConfig('issuing', issuingConfigSchema, production)).toThrow(ConfigError);
    expect(() => loadConfig('issuing', issuingConfigSchema, production)).toThrow(
      /ISSUING_SIGNING_KEY: is required/,
    );
    expect(() =>
      loadConfig('issuing', issuingConfigSchema, {
        ...production,
        ISSUING_SIGNING_KEY: '{"kty":"OKP"}',
      }),
    ).not.toThrow();
  });
});
