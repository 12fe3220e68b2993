import { z } from 'zod';
import { DEVELOPMENT_JWT_SECRET, type JwtVerifierConfig } from '@certif/platform-auth';
import {
  authAudience,
  authIssuer,
  authJwksUrl,
  authJwtSecret,
  authMaxTokenAge,
  internalAuthSecret,
  nodeEnv,
} from './keys';

/** How bearer tokens are verified (contract README, "Authentication and roles"). */
export const authKeys = {
  NODE_ENV: nodeEnv,
  AUTH_JWT_SECRET: authJwtSecret,
  AUTH_JWKS_URL: authJwksUrl,
  AUTH_ISSUER: authIssuer,
  AUTH_AUDIENCE: authAudience,
  INTERNAL_AUTH_SECRET: internalAuthSecret,
  AUTH_MAX_TOKEN_AGE: authMaxTokenAge,
};

type AuthSettings = {
  NODE_ENV: 'development' | 'test' | 'production';
  AUTH_JWT_SECRET?: string | undefined;
  AUTH_JWKS_URL?: string | undefined;
  AUTH_ISSUER?: string | undefined;
  AUTH_AUDIENCE?: string | undefined;
  INTERNAL_AUTH_SECRET?: string | undefined;
  AUTH_MAX_TOKEN_AGE?: number | undefined;
};

/** The checks every schema with `authKeys` applies: JWKS needs issuer and audience; production needs real secrets. */
export function withAuthChecks<S extends z.ZodType<AuthSettings>>(schema: S) {
  return schema
    .refine((c) => !c.AUTH_JWKS_URL || (c.AUTH_ISSUER && c.AUTH_AUDIENCE), {
      path: ['AUTH_JWKS_URL'],
      message: 'needs AUTH_ISSUER and AUTH_AUDIENCE',
    })
    .refine((c) => c.NODE_ENV !== 'production' || c.AUTH_JWT_SECRET || c.AUTH_JWKS_URL, {
      path: ['AUTH_JWT_SECRET'],
      message:
        'production needs AUTH_JWT_SECRET or AUTH_JWKS_URL: the development secret is public',
    })
    .refine((c) => c.NODE_ENV !== 'production' || c.INTERNAL_AUTH_SECRET, {
      path: ['INTERNAL_AUTH_SECRET'],
      message: 'is required when NODE_ENV=production (the development secret is public)',
    });
}

/** JWKS when configured, else HS256 with the configured or the development secret. */
export function jwtVerifierConfig(config: AuthSettings): JwtVerifierConfig {
  const maxAge = config.AUTH_MAX_TOKEN_AGE ? { maxTokenAgeSeconds: config.AUTH_MAX_TOKEN_AGE } : {};
  if (config.AUTH_JWKS_URL) {
    return {
      kind: 'jwks',
      jwksUrl: config.AUTH_JWKS_URL,
      issuer: config.AUTH_ISSUER as string,
      audience: config.AUTH_AUDIENCE as string,
      ...maxAge,
    };
  }
  return {
    kind: 'hs256',
    secret: config.AUTH_JWT_SECRET ?? DEVELOPMENT_JWT_SECRET,
    ...maxAge,
    ...(config.AUTH_ISSUER ? { issuer: config.AUTH_ISSUER } : {}),
    ...(config.AUTH_AUDIENCE ? { audience: config.AUTH_AUDIENCE } : {}),
  };
}
