import { SignJWT } from 'jose';
import type { Role } from './principal';
import { signingSecret } from './secrets';

/** The HS256 secret of the one-process development start; refused when NODE_ENV=production. */
export const DEVELOPMENT_JWT_SECRET = 'certif-development-secret-not-for-production-use!';
export const DEVELOPMENT_INTERNAL_SECRET = 'certif-development-internal-secret-not-for-prod!';

export interface DevTokenOptions {
  roles: Role[];
  sub?: string;
  candidateId?: string;
  /** A session manager's exam centres (the `centers` claim). */
  centers?: string[];
  /** The first secret of a comma-separated list signs. */
  secret?: string;
  expiresIn?: string;
}

/** Mints a token like an identity provider would, for development and tests. */
export function mintToken(options: DevTokenOptions): Promise<string> {
  const claims = {
    roles: options.roles,
    ...(options.candidateId ? { candidateId: options.candidateId } : {}),
    ...(options.centers ? { centers: options.centers } : {}),
  };
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(options.sub ?? `dev-${options.roles.join('-').toLowerCase() || 'user'}`)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '8h')
    .sign(new TextEncoder().encode(signingSecret(options.secret ?? DEVELOPMENT_JWT_SECRET)));
}
