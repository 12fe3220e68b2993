import { hasAnyRole, managedCenters, type Principal } from '@certif/platform-auth';
import { Forbidden } from '@certif/platform-errors';

/** Session managers (and admins) act on any candidate; a candidate only on their own record. */
export function mayActOnCandidate(principal: Principal, candidateId: string): boolean {
  return hasAnyRole(principal, ['SESSION_MANAGER']) || principal.candidateId === candidateId;
}

export function assertMayActOnCandidate(
  principal: Principal,
  candidateId: string,
  action: string,
): void {
  if (!mayActOnCandidate(principal, candidateId)) {
    throw new Forbidden(
      `Only a SESSION_MANAGER, or the candidate themself, may ${action} this candidate`,
    );
  }
}

/**
 * Personal data — email, birth date, the VAE notice, accommodations (R10), and any field marked
 * `@PersonalData` — is shown to ADMIN, to the candidate themself, and to the session managers of
 * a centre where the candidate is registered (a manager without the `centers` claim manages
 * every centre). Jurors and everyone else see names only.
 *
 * `registeredCenters` is asked only when the answer depends on it (a manager with `centers`).
 */
export async function maySeePersonalData(
  principal: Principal,
  candidateId: string,
  registeredCenters: () => Promise<readonly string[]>,
): Promise<boolean> {
  if (principal.roles.includes('ADMIN')) return true;
  if (principal.candidateId === candidateId) return true;
  if (!principal.roles.includes('SESSION_MANAGER')) return false;
  const managed = managedCenters(principal);
  if (managed === null) return true;
  if (managed.length === 0) return false;
  return (await registeredCenters()).some((center) => managed.includes(center));
}

export const PERSONAL_DATA_REFUSAL =
  'Personal data (email, birth date, VAE notice, accommodations) is shown only to admins, to the ' +
  'candidate themself and to session managers of a centre where the candidate is registered';
