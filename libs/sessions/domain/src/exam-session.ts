import type { LocalDate } from '@certif/platform-calendar';
import type { DecisionOutcome, JurorRole, SessionScope, SessionStatus } from './session-vocabulary';

/** What a session assesses, where and when: a planned session is its plan and its state. */
export interface SessionPlan {
  /** The version of the certification the session examines. */
  certificationId: string;
  scope: SessionScope;
  /** The components assessed: all of the title (FULL_TITLE), those chosen (COMPONENTS), none (CCS). */
  componentIds: string[];
  /** The CCS of a SPECIALIZATION session. */
  specializationId: string | null;
  center: string;
  startsOn: LocalDate;
  endsOn: LocalDate;
  capacity: number | null;
}

export interface ExamSession extends SessionPlan {
  id: string;
  status: SessionStatus;
  plannedAt: Date;
  deliberatedAt: Date | null;
  /** Grows with every change of the session row (optimistic check). */
  version: number;
}

/** A member of a session's jury; `userId` is the JWT `sub` of that person. */
export interface Juror {
  id: string;
  sessionId: string;
  userId: string;
  name: string;
  role: JurorRole;
}

export interface Registration {
  id: string;
  sessionId: string;
  enrollmentId: string;
  candidateId: string;
  /** The certification of the enrolment (may be another version of the lineage than the session's). */
  certificationId: string;
  registeredAt: Date;
}

/**
 * A jury decision is never deleted, and what it decided is never changed (R9): a correction is a
 * new decision that supersedes it (ADR jury-decision-corrections). The first decision of a
 * registration has `sequence` 1; each correction the next one.
 */
export interface JuryDecision {
  id: string;
  registrationId: string;
  sessionId: string;
  candidateId: string;
  enrollmentId: string;
  /** The session's certification: the version whose components were awarded. */
  certificationId: string;
  outcome: DecisionOutcome;
  /** Every component this decision awards (all of the title for TITLE_AWARDED in a FULL_TITLE session). */
  awardedComponentIds: string[];
  /** R3: the final interview with the jury; null when the jury said nothing of it. */
  finalInterviewPassed: boolean | null;
  decidedOn: LocalDate;
  recordedAt: Date;
  /** The `sub` of whoever recorded it (a juror or an admin). */
  recordedBy: string;
  sequence: number;
  /** The decision this one corrects; null for the deliberation's own decision. */
  supersedesId: string | null;
  /** The correction that superseded this one; null while it is the registration's decision. */
  supersededById: string | null;
  /** Of a correction: why the jury corrected the decision it supersedes, and on which day. */
  correctionReason: string | null;
  correctedOn: LocalDate | null;
}
