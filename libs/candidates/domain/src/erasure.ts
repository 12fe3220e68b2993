import type { Candidate } from './candidate';

export const PSEUDONYM_FIRST_NAME = 'Candidat·e';

/** FNV-1a, 32 bits: short, stable, and the same on every runtime (no crypto dependency). */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).toUpperCase().padStart(8, '0');
}

/**
 * R13: what replaces the names of an erased candidate: "Candidat·e" and 8 hex digits derived from
 * the id. Stable (erasing twice, or in another service, gives the same pseudonym), it reveals
 * nothing of the person; it is a label for lists and documents, not an identifier (the id is).
 */
export function pseudonymFor(candidateId: string): { firstName: string; lastName: string } {
  return { firstName: PSEUDONYM_FIRST_NAME, lastName: fnv1a(candidateId) };
}

/**
 * R13: removes the identity (names → pseudonym; birth date, sex, birth name, birth place, email
 * and accommodations cleared) and keeps the id, so that enrolments and the certification record
 * stay. Returns null when the
 * candidate was already erased: erasing is idempotent.
 */
export function erase(candidate: Candidate, now: Date): Candidate | null {
  if (candidate.erasedAt !== null) return null;
  return {
    ...candidate,
    ...pseudonymFor(candidate.id),
    birthDate: null,
    sex: null,
    birthName: null,
    birthPlace: null,
    email: null,
    accommodations: [],
    erasedAt: now,
    version: candidate.version + 1,
  };
}
