import { DEVELOPMENT_JWT_SECRET } from '@certif/platform-auth';
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
    expect(() =>
      load({
        NODE_ENV: 'production',
        AUTH_JWT_SECRET: 's'.repeat(40),
        INTERNAL_AUTH_SECRET: 'i'.repeat(40),
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
