import { jwtVerify, SignJWT } from 'jose';
import { principalFromClaims, type Principal } from './principal';
import { secretKeyObjects, type SecretList } from './secrets';
import { ExpiringLru } from './token-cache';

/**
 * Between the gateway and the subgraphs: the gateway forwards the verified principal in a
 * short-lived token signed with a secret only the platform's services know. A subgraph accepts
 * a request only with a valid one, so nobody can reach it around the gateway with forged claims.
 */
export const INTERNAL_TOKEN_HEADER = 'x-certif-gateway-token';

const AUDIENCE = 'certif-subgraphs';
const ISSUER = 'certif-gateway';

export interface ForwardedIdentity {
  /** Null for an anonymous call (public verification). */
  principal: Principal | null;
}

/** An internal token lives this long… */
const LIFETIME_SECONDS = 120;
/** …and the gateway reuses a signed one for a principal while it has at least this long left. */
const REUSE_MIN_REMAINING_MS = 60_000;
/** Distinct principals (gateway) and tokens (subgraph) remembered; the oldest are forgotten. */
const CACHE_CAPACITY = 1_000;

/** Gateway side: a signed token per (secret, claims), until a minute before it expires. */
const signed = new ExpiringLru<string>(CACHE_CAPACITY);
/**
 * Subgraph side: the identity of a token verified with a secret list, until the token's `exp`.
 * Only valid tokens are remembered (a forged one costs its verification every time, as before).
 */
const verified = new ExpiringLru<ForwardedIdentity>(CACHE_CAPACITY);

/** Forgets every signed and verified token (tests). */
export function clearInternalTokenCaches(): void {
  signed.clear();
  verified.clear();
}

/** Signed with the first secret of the list (INTERNAL_AUTH_SECRET may list several). */
export async function signInternalToken(
  secret: SecretList,
  principal: Principal | null,
): Promise<string> {
  const claims = principal
    ? {
        roles: principal.roles,
        ...(principal.candidateId ? { candidateId: principal.candidateId } : {}),
        ...(principal.centers ? { centers: principal.centers } : {}),
      }
    : { anonymous: true };
  const [key] = secretKeyObjects(secret);
  const cacheKey = JSON.stringify([
    typeof secret === 'string' ? secret : secret.join(','),
    principal?.sub ?? null,
    claims,
  ]);
  const reused = signed.get(cacheKey);
  if (reused) return reused;
  const issuedAt = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + LIFETIME_SECONDS);
  if (principal) jwt.setSubject(principal.sub);
  const token = await jwt.sign(key as NonNullable<typeof key>);
  signed.set(cacheKey, token, (issuedAt + LIFETIME_SECONDS) * 1000 - REUSE_MIN_REMAINING_MS);
  return token;
}

/** Accepted when signed with any secret of the list: rotation has no window of refusals. */
export async function verifyInternalToken(
  secret: SecretList,
  token: string | undefined,
): Promise<ForwardedIdentity | null> {
  if (!token) return null;
  const cacheKey = `${typeof secret === 'string' ? secret : secret.join(',')}\n${token}`;
  const known = verified.get(cacheKey);
  if (known) return known;
  for (const key of secretKeyObjects(secret)) {
    try {
      const { payload } = await jwtVerify(token, key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
        requiredClaims: ['exp'],
      });
      const principal = payload['anonymous'] === true ? null : principalFromClaims(payload);
      if (payload['anonymous'] !== true && !principal) return null;
      const identity = { principal };
      // jwtVerify refuses a token from its `exp` on: so does the cache.
      verified.set(cacheKey, identity, (payload.exp as number) * 1000);
      return identity;
    } catch {
      // next secret
    }
  }
  return null;
}
