import type { LocalDate } from '@certif/platform-calendar';

/** A person who seeks a certification. Identity fields are pseudonymised on erasure (R13). */
export interface Candidate {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: LocalDate | null;
  /** Lower case. */
  email: string | null;
  /**
   * R10: adapted evaluation conditions (e.g. "tiers-temps"), special-category data: shown only
   * to those who organise sessions and to the candidate, never published in events.
   */
  accommodations: string[];
  registeredAt: Date;
  /** Set once the identity was erased (R13); the ids and the certification history remain. */
  erasedAt: Date | null;
  /** Grows with every change of the candidate or of their enrolments (event ordering, locking). */
  version: number;
}

/** What a session manager submits to register a candidate, before validation. */
export interface RegistrationDraft {
  firstName: string;
  lastName: string;
  birthDate: LocalDate | null;
  email: string | null;
  accommodations: string[];
}

export function isErased(candidate: Pick<Candidate, 'erasedAt'>): boolean {
  return candidate.erasedAt !== null;
}
