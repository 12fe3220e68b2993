import type { LocalDate } from '@certif/platform-calendar';
import type { JuryRule } from './jury-rule';
import type { Pathway } from './session-vocabulary';

/**
 * What the sessions context knows of the other contexts, kept from their events (never asked
 * synchronously): the certifications (referentials), the enrolments and candidates' names
 * (candidates) and the parchemins (issuing).
 */
export interface CertificationView {
  id: string;
  code: string;
  title: string;
  kind: 'PROFESSIONAL_TITLE' | 'RNCP_CERTIFICATION';
  /** As published with the state; CLOSED is recomputed from `registeredUntil` where it matters. */
  status: 'DRAFT' | 'ACTIVE' | 'REVISED' | 'CLOSED';
  registeredFrom: LocalDate | null;
  /** R12: the last day of registration; R5 gives holders of a component one more year. */
  registeredUntil: LocalDate | null;
  requiresFinalInterview: boolean;
  /** R8/R9: the jury a session needs before it deliberates or corrects a decision. */
  juryRule: JuryRule;
  components: { id: string; code: string; title: string; kind: 'CCP' | 'BLOC'; position: number }[];
  specializations: { id: string; code: string; title: string }[];
  /** R4: the lineage of versions. */
  revisesId: string | null;
  revisedById: string | null;
  correspondences: { fromComponentIds: string[]; toComponentId: string }[];
  version: number;
}

export interface EnrollmentView {
  id: string;
  candidateId: string;
  certificationId: string;
  pathway: Pathway;
  startedOn: LocalDate;
  trainingCenter: string | null;
  /** R6: the recevabilité notice of a VAE enrolment, once recorded. */
  vaeAdmissibility: { noticeNumber: string; issuedOn: LocalDate; issuedBy: string } | null;
}

/** A candidate's identity as last published; after erasure, the pseudonym (R13). */
export interface CandidateView {
  id: string;
  firstName: string;
  lastName: string;
  erasedAt: string | null;
  version: number;
}

/** A parchemin of a title (specializationId null) or of a CCS. */
export interface ParcheminView {
  id: string;
  candidateId: string;
  certificationId: string;
  specializationId: string | null;
  status: 'VALID' | 'REVOKED';
  issuedOn: LocalDate;
}

/**
 * Every version of a certification's lineage (R4) among those known, following `revisesId` and
 * `revisedById` both ways from `startId`.
 */
export function lineageIds(
  startId: string,
  known: ReadonlyMap<string, CertificationView>,
): string[] {
  const found = new Set<string>([startId]);
  const queue = [startId];
  while (queue.length > 0) {
    const current = known.get(queue.shift() as string);
    for (const next of [current?.revisesId, current?.revisedById]) {
      if (next && !found.has(next)) {
        found.add(next);
        queue.push(next);
      }
    }
  }
  return [...found];
}
