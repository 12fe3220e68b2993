import { jwtVerify, SignJWT } from 'jose';
import { principalFromClaims, type Principal } from './principal';

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

export async function signInternalToken(
  secret: string,
  principal: Principal | null,
): Promise<string> {
  const claims = principal
    ? {
        roles: principal.roles,
        ...(principal.candidateId ? { candidateId: principal.candidateId } : {}),
      }
    : { anonymous: true };
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('2m');
  if (principal) jwt.setSubject(principal.sub);
  return jwt.sign(new TextEncoder().encode(secret));
}

export async function verifyInternalToken(
  secret: string,
  token: string | undefined,
): Promise<ForwardedIdentity | null> {
  if (!token) return null;
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience: AUDIENCE,
    });
    if (payload['anonymous'] === true) return { principal: null };
    const principal = principalFromClaims(payload);
    return principal ? { principal } : null;
  } catch {
    return null;
  }
}
