import { DEVELOPMENT_INTERNAL_SECRET, DEVELOPMENT_JWT_SECRET } from '@certif/platform-auth';
import { ConfigError, loadConfig } from './load-config';
import { jwtVerifierConfig } from './auth-config';
import { subgraphConfigSchema } from './service-config';

const load = (env: Record<string, string>) =>
  loadConfig('sessions', subgraphConfigSchema(4003), env);

describe('auth configuration', () => {
  it('uses the development secret outside production', () => {
    expect(jwtVerifierConfig(load({}))).toEqual({
      kind: 'hs256',
      secret: DEVELOPMENT_JWT_SECRET,
      maxTokenAgeSeconds: 43200,
    });
  });

  it('refuses to start in production without real secrets', () => {
    expect(() => load({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => load({ NODE_ENV: 'production' })).toThrow(/AUTH_JWT_SECRET: production needs/);
    expect(() => load({ NODE_ENV: 'production', AUTH_JWT_SECRET: 's'.repeat(40) })).toThrow(
      /INTERNAL_AUTH_SECRET: is required when NODE_ENV=production/,
    );
    expect(() => load(production)).not.toThrow();
  });

  const production = {
    NODE_ENV: 'production',
    AUTH_JWT_SECRET: 's'.repeat(40),
    INTERNAL_AUTH_SECRET: 'i'.repeat(40),
    DATABASE_URL: 'mysql://sessions:pw@mysql:3306',
    KAFKA_BROKERS: 'kafka:9092',
  };

  it.each([
    [
      'the development token secret',
      { AUTH_JWT_SECRET: DEVELOPMENT_JWT_SECRET },
      /AUTH_JWT_SECRET: is a public/,
    ],
    [
      'the development internal secret',
      { INTERNAL_AUTH_SECRET: DEVELOPMENT_INTERNAL_SECRET },
      /INTERNAL_AUTH_SECRET: is a public/,
    ],
    [
      'the k8s example value',
      { AUTH_JWT_SECRET: 'replace-with-openssl-rand-hex-32' },
      /AUTH_JWT_SECRET: is a public/,
    ],
    [
      'an old compose default',
      { INTERNAL_AUTH_SECRET: 'compose-development-internal-secret-0123456789' },
      /INTERNAL_AUTH_SECRET: is a public/,
    ],
    [
      'a placeholder in a list',
      { AUTH_JWT_SECRET: `${'a'.repeat(40)},changeme-changeme-changeme-changeme` },
      /looks like a placeholder/,
    ],
    [
      'equal auth and internal secrets',
      { INTERNAL_AUTH_SECRET: 's'.repeat(40) },
      /INTERNAL_AUTH_SECRET: must differ from AUTH_JWT_SECRET/,
    ],
    [
      'no KAFKA_BROKERS (the embedded bus)',
      { KAFKA_BROKERS: undefined },
      /KAFKA_BROKERS: is required when NODE_ENV=production/,
    ],
    [
      'no DATABASE_URL (SQLite)',
      { DATABASE_URL: undefined },
      /DATABASE_URL: is required when NODE_ENV=production/,
    ],
  ])('refuses production with %s', (_case, change, message) => {
    const env = Object.fromEntries(
      Object.entries({ ...production, ...change }).filter(([, value]) => value !== undefined),
    ) as Record<string, string>;
    expect(() => load(env)).toThrow(message);
  });

  it('runs embedded in production only when ALLOW_EMBEDDED_IN_PRODUCTION=true says so', () => {
    const { DATABASE_URL: _url, KAFKA_BROKERS: _brokers, ...embedded } = production;
    expect(() => load({ ...embedded, ALLOW_EMBEDDED_IN_PRODUCTION: 'true' })).not.toThrow();
  });

  it('lets development run on the development secrets and the embedded defaults', () => {
    expect(() =>
      load({
        AUTH_JWT_SECRET: DEVELOPMENT_JWT_SECRET,
        INTERNAL_AUTH_SECRET: DEVELOPMENT_JWT_SECRET,
      }),
    ).not.toThrow();
  });

  it('needs issuer and audience with a JWKS URL, and then verifies with it', () => {
    expect(() => load({ AUTH_JWKS_URL: 'https://idp.example/jwks' })).toThrow(
      /needs AUTH_ISSUER and AUTH_AUDIENCE/,
    );
    const config = load({
      AUTH_JWKS_URL: 'https://idp.example/jwks',
      AUTH_ISSUER: 'idp',
      AUTH_AUDIENCE: 'certif',
    });
    expect(jwtVerifierConfig(config)).toEqual({
      kind: 'jwks',
      jwksUrl: 'https://idp.example/jwks',
      issuer: 'idp',
      audience: 'certif',
      maxTokenAgeSeconds: 43200,
    });
  });

  it('takes several secrets, comma-separated, each long enough, and a maximum token age', () => {
    const [a, b] = ['a'.repeat(32), 'b'.repeat(40)];
    const config = load({ AUTH_JWT_SECRET: `${a},${b}`, AUTH_MAX_TOKEN_AGE: '3600' });
    expect(jwtVerifierConfig(config)).toMatchObject({
      secret: `${a},${b}`,
      maxTokenAgeSeconds: 3600,
    });
    expect(() => load({ INTERNAL_AUTH_SECRET: `${a},short` })).toThrow(
      /INTERNAL_AUTH_SECRET: each comma-separated secret must be at least 32 characters/,
    );
  });
});
