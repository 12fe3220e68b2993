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
import { publicSecretProblem, secretsShareAValue } from './production-checks';

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

/**
 * The checks every schema with `authKeys` applies: JWKS needs issuer and audience; production
 * needs real secrets (not public, not equal to each other) and, for a service (a schema with
 * `ALLOW_EMBEDDED_IN_PRODUCTION`), Kafka and MySQL unless that flag says otherwise.
 */
export function withAuthChecks<S extends z.ZodType<AuthSettings>>(schema: S) {
  return schema
    .superRefine((c, context) => {
      if (c.NODE_ENV !== 'production') return;
      for (const key of ['AUTH_JWT_SECRET', 'INTERNAL_AUTH_SECRET'] as const) {
        const problem = publicSecretProblem(c[key]);
        if (problem) context.addIssue({ code: 'custom', path: [key], message: problem });
      }
      if (secretsShareAValue(c.AUTH_JWT_SECRET, c.INTERNAL_AUTH_SECRET)) {
        context.addIssue({
          code: 'custom',
          path: ['INTERNAL_AUTH_SECRET'],
          message:
            'must differ from AUTH_JWT_SECRET: whoever holds the token secret could otherwise forge the internal identity',
        });
      }
      embeddedInProductionIssues(c as EmbeddedSettings).forEach((issue) =>
        context.addIssue({ code: 'custom', ...issue }),
      );
    })
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

type EmbeddedSettings = {
  ALLOW_EMBEDDED_IN_PRODUCTION?: 'true' | 'false';
  KAFKA_BROKERS?: string | undefined;
  DATABASE_URL?: string | undefined;
};

/**
 * The embedded bus keeps events inside one process and SQLite keeps data on one pod's disk: in a
 * production of several pods both silently lose what other pods should see. Refused unless
 * ALLOW_EMBEDDED_IN_PRODUCTION=true says it is meant (a one-machine installation).
 */
function embeddedInProductionIssues(
  c: EmbeddedSettings,
): Array<{ path: string[]; message: string }> {
  if (c.ALLOW_EMBEDDED_IN_PRODUCTION !== 'false') return [];
  const issues: Array<{ path: string[]; message: string }> = [];
  if (!c.KAFKA_BROKERS) {
    issues.push({
      path: ['KAFKA_BROKERS'],
      message:
        'is required when NODE_ENV=production: without it events stay in this process (set ALLOW_EMBEDDED_IN_PRODUCTION=true if that is meant)',
    });
  }
  if (!c.DATABASE_URL) {
    issues.push({
      path: ['DATABASE_URL'],
      message:
        'is required when NODE_ENV=production: without it data goes to SQLite on this pod (set ALLOW_EMBEDDED_IN_PRODUCTION=true if that is meant)',
    });
  }
  return issues;
}
