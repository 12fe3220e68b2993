import { isAfter, type LocalDate } from '@certif/platform-calendar';
import type { CertificationDraft, ComponentKind } from './certification-draft';

export const CERTIFICATION_STATUSES = ['DRAFT', 'ACTIVE', 'REVISED', 'CLOSED'] as const;
export type CertificationStatus = (typeof CERTIFICATION_STATUSES)[number];

/** A CCP or a bloc de compétences: what a candidate can acquire separately. */
export interface Component {
  id: string;
  code: string;
  title: string;
  kind: ComponentKind;
  /** 1-based order in the referential. */
  position: number;
  competences: string[];
}

export interface Specialization {
  id: string;
  code: string;
  title: string;
}

/**
 * R4: the revision decree says which components of the old version count as a component of the
 * new one. Several old components may be needed for one new component.
 */
export interface Correspondence {
  fromComponentIds: string[];
  toComponentId: string;
}

/**
 * A certification the national register's export made (not typed in by hand): the import may
 * update it, and never touches a hand-made one with the same code.
 */
export interface RegisterImport {
  register: 'RNCP_OPEN_DATA';
  /** Of what the export said at the last import; the same fingerprint means nothing changed. */
  fingerprint: string;
}

export interface Certification extends Omit<CertificationDraft, 'components' | 'specializations'> {
  id: string;
  /** Null while DRAFT. */
  publishedAt: Date | null;
  /** The version this one revises (R4), and the one that revised it. */
  revisesId: string | null;
  revisedById: string | null;
  components: Component[];
  specializations: Specialization[];
  /** From components of `revisesId` to components of this version. */
  correspondences: Correspondence[];
  /** Null for a certification created by hand (GraphQL, seeds). */
  importedFrom: RegisterImport | null;
  /** Grows with every change: lets event consumers ignore a stale state that arrives late. */
  version: number;
}

/**
 * DRAFT until published; CLOSED once today is past `registeredUntil` (the last day of
 * registration still counts, R12); REVISED once a new version replaces it; ACTIVE otherwise.
 */
export function certificationStatus(
  certification: Pick<Certification, 'publishedAt' | 'registeredUntil' | 'revisedById'>,
  today: LocalDate,
): CertificationStatus {
  if (!certification.publishedAt) return 'DRAFT';
  if (certification.registeredUntil && isAfter(today, certification.registeredUntil)) {
    return 'CLOSED';
  }
  if (certification.revisedById) return 'REVISED';
  return 'ACTIVE';
}

/** RNCP numbers as the national register prints them: RNCP followed by digits. */
export function looksLikeRncpCode(code: string): boolean {
  return /^RNCP\d{3,6}$/.test(code);
}
