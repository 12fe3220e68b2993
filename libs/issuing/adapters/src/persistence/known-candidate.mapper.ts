import type { CandidateIdentity } from '@certif/issuing-application';
import { KnownCandidateRow } from './known-candidate.row';

export function toCandidateIdentity(row: KnownCandidateRow): CandidateIdentity {
  return {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    birthDate: row.birthDate,
    erasedAt: row.erasedAt,
    version: row.version,
    ...(row.register ? { register: row.register } : {}),
  };
}

/** `register` null when the identity does not say (see the directory's save). */
export function toKnownCandidateRow(identity: CandidateIdentity): KnownCandidateRow {
  return Object.assign(new KnownCandidateRow(), {
    id: identity.id,
    firstName: identity.firstName,
    lastName: identity.lastName,
    birthDate: identity.birthDate,
    erasedAt: identity.erasedAt,
    version: identity.version,
    register: identity.register ?? null,
  });
}
