import { hasAnyRole, type Principal } from '@certif/platform-auth';
import { Forbidden, Unauthenticated } from '@certif/platform-errors';

/** Who may read a candidate's livrets, parchemins and their documents. */
export function mayReadRecordOf(principal: Principal, candidateId: string): boolean {
  return principal.candidateId === candidateId || hasAnyRole(principal, ['SESSION_MANAGER']);
}

export function assertSignedIn(principal: Principal | null): Principal {
  if (!principal)
    throw new Unauthenticated('Sign in first: livrets and parchemins need a bearer token');
  return principal;
}

/** The candidate themself, a session manager or an admin; nobody else (a juror, another candidate). */
export function assertMayReadRecordOf(principal: Principal | null, candidateId: string): Principal {
  const signedIn = assertSignedIn(principal);
  if (!mayReadRecordOf(signedIn, candidateId)) {
    throw new Forbidden(
      'A candidate sees only their own livrets and credentials; session managers see all',
    );
  }
  return signedIn;
}
