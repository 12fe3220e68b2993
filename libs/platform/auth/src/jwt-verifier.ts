import type { KeyObject } from 'node:crypto';
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { principalFromClaims, type Principal } from './principal';
import { secretKeyObjects, type SecretList } from './secrets';
import { ExpiringLru } from './token-cache';

export type JwtVerifierConfig = (
  | {
      kind: 'hs256';
      /** One secret, or several (comma-separated or a list) while one is being rotated. */
      secret: SecretList;
      issuer?: string;
      audience?: string;
    }
  | { kind: 'jwks'; jwksUrl: string; issuer: string; audience: string }
) & {
  /** Tokens issued (`iat`) longer ago than this are refused; seconds. */
  maxTokenAgeSeconds?: number;
};

/** Clocks of the identity provider and the gateway may differ by this much. */
export const CLOCK_TOLERANCE_SECONDS = 30;
/** A token older than this is refused even if its `exp` is further away. */
export const DEFAULT_MAX_TOKEN_AGE_SECONDS = 12 * 60 * 60;

/** Distinct bearer tokens whose principal the gateway remembers; the oldest are forgotten. */
const VERIFIED_TOKENS_CAPACITY = 10_000;

export class InvalidToken extends Error {
  constructor(reason: string) {
    super(`Invalid bearer token: ${reason}`);
    this.name = 'InvalidToken';
  }
}

/**
 * Verifies the bearer tokens that reach the gateway: HS256 with a shared secret (any secret of
 * the list), or an identity provider's keys (RS256/ES256) fetched from its JWKS URL, with issuer
 * and audience checked. Every token must say when it expires (`exp`) and when it was issued
 * (`iat`, at most `maxTokenAgeSeconds` ago), within 30 s of clock skew.
 */
export function createJwtVerifier(
  config: JwtVerifierConfig,
): (token: string) => Promise<Principal> {
  const keys: (KeyObject | JWTVerifyGetKey)[] =
    config.kind === 'hs256'
      ? secretKeyObjects(config.secret)
      : [createRemoteJWKSet(new URL(config.jwksUrl))];
  const options = {
    algorithms: config.kind === 'hs256' ? ['HS256'] : ['RS256', 'ES256'],
    requiredClaims: ['exp', 'iat'],
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
    maxTokenAge: config.maxTokenAgeSeconds ?? DEFAULT_MAX_TOKEN_AGE_SECONDS,
    ...(config.issuer ? { issuer: config.issuer } : {}),
    ...(config.audience ? { audience: config.audience } : {}),
  };
  // A client sends the same token with every request: its principal is remembered until the
  // token stops being acceptable (exp, or iat + the maximum age, without the skew tolerance).
  // With JWKS, a token already seen stays accepted until then even if the provider withdraws its
  // key meanwhile (a JWT cannot be revoked anyway; removing a key only stops new verifications).
  // Only valid tokens are remembered: a bad one costs its verification every time.
  const verified = new ExpiringLru<Principal>(VERIFIED_TOKENS_CAPACITY);
  return async (token) => {
    const known = verified.get(token);
    if (known) return known;
    let payload: Record<string, unknown> | undefined;
    let failure: unknown;
    for (const key of keys) {
      try {
        payload = (await jwtVerify(token, key as KeyObject, options)).payload;
        break;
      } catch (error) {
        failure = error;
        // Only a signature by another secret of the list is worth trying the next one.
        if (!(error instanceof errors.JWSSignatureVerificationFailed)) break;
      }
    }
    if (!payload) {
      throw new InvalidToken(failure instanceof Error ? failure.message : String(failure));
    }
    const principal = principalFromClaims(payload);
    if (!principal) throw new InvalidToken('the token has no subject (sub)');
    const until = Math.min(Number(payload['exp']), Number(payload['iat']) + options.maxTokenAge);
    if (Number.isFinite(until)) verified.set(token, principal, until * 1000);
    return principal;
  };
}

/** Reads "Bearer <token>"; null when the header is absent. */
export function bearerToken(authorization: string | undefined): string | null {
  if (!authorization) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match?.[1]) throw new InvalidToken('the Authorization header must be "Bearer <JWT>"');
  return match[1];
}
