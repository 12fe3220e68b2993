import { hasAnyRole, type Principal } from '@certif/platform-auth';
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
 * R10: accommodations are special-category data, shown only to those who organise sessions and
 * to the candidate concerned — the same people who may act on the record.
 */
export const maySeeAccommodations = mayActOnCandidate;
