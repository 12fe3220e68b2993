import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { principalFromClaims, type Principal } from './principal';

export type JwtVerifierConfig =
  | { kind: 'hs256'; secret: string; issuer?: string; audience?: string }
  | { kind: 'jwks'; jwksUrl: string; issuer: string; audience: string };

export class InvalidToken extends Error {
  constructor(reason: string) {
    super(`Invalid bearer token: ${reason}`);
    this.name = 'InvalidToken';
  }
}

/**
 * Verifies the bearer tokens that reach the gateway: HS256 with a shared secret, or an identity
 * provider's keys (RS256/ES256) fetched from its JWKS URL, with issuer and audience checked.
 */
export function createJwtVerifier(
  config: JwtVerifierConfig,
): (token: string) => Promise<Principal> {
  const key: Uint8Array | JWTVerifyGetKey =
    config.kind === 'hs256'
      ? new TextEncoder().encode(config.secret)
      : createRemoteJWKSet(new URL(config.jwksUrl));
  const algorithms = config.kind === 'hs256' ? ['HS256'] : ['RS256', 'ES256'];
  return async (token) => {
    let payload: Record<string, unknown>;
    try {
      const verified = await jwtVerify(token, key as Uint8Array, {
        algorithms,
        ...(config.issuer ? { issuer: config.issuer } : {}),
        ...(config.audience ? { audience: config.audience } : {}),
      });
      payload = verified.payload;
    } catch (error) {
      throw new InvalidToken(error instanceof Error ? error.message : String(error));
    }
    const principal = principalFromClaims(payload);
    if (!principal) throw new InvalidToken('the token has no subject (sub)');
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
