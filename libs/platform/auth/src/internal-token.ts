import { jwtVerify, SignJWT } from 'jose';
import { principalFromClaims, type Principal } from './principal';
import { secretKeys, signingSecret, type SecretList } from './secrets';

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
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('2m');
  if (principal) jwt.setSubject(principal.sub);
  return jwt.sign(new TextEncoder().encode(signingSecret(secret)));
}

/** Accepted when signed with any secret of the list: rotation has no window of refusals. */
export async function verifyInternalToken(
  secret: SecretList,
  token: string | undefined,
): Promise<ForwardedIdentity | null> {
  if (!token) return null;
  for (const key of secretKeys(secret)) {
    try {
      const { payload } = await jwtVerify(token, key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
        requiredClaims: ['exp'],
      });
      if (payload['anonymous'] === true) return { principal: null };
      const principal = principalFromClaims(payload);
      return principal ? { principal } : null;
    } catch {
      // next secret
    }
  }
  return null;
}
