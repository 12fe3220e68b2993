import type { LocalDate } from '@certif/platform-calendar';

/** What the national holders' register records (the Caisse des Dépôts' `sexe`). */
export const SEXES = ['F', 'M'] as const;
export type Sex = (typeof SEXES)[number];

/**
 * Where the candidate was born, as the national holders' register asks for it: the INSEE commune
 * code (or, failing it, the postal code), the commune's name, the country's code and name. Every
 * part is optional here; the deposit says which part it lacks.
 */
export interface BirthPlace {
  /** 5 characters: `69123`, `2A004` (Corsica), `99134` (born abroad: the country's INSEE code). */
  inseeCode: string | null;
  postalCode: string | null;
  city: string | null;
  /** 3 characters, e.g. `FRA`. */
  countryCode: string | null;
  country: string | null;
}

/** A person who seeks a certification. Identity fields are pseudonymised on erasure (R13). */
export interface Candidate {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: LocalDate | null;
  /** The register's data (sex, birth name, birth place): personal data like `birthDate`. */
  sex: Sex | null;
  /** Only when it differs from `lastName` (a usage name, e.g. a spouse's). */
  birthName: string | null;
  birthPlace: BirthPlace | null;
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
  /** Optional: a registration without the register's data stays valid (they can be missing). */
  sex?: Sex | null;
  birthName?: string | null;
  birthPlace?: BirthPlace | null;
}

export function isErased(candidate: Pick<Candidate, 'erasedAt'>): boolean {
  return candidate.erasedAt !== null;
}
