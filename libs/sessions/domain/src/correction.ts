import { addDays, isAfter, todayIn, type LocalDate } from '@certif/platform-calendar';
import { InputProblems, InvalidInput } from '@certif/platform-errors';
import type { ExamSession, Juror, JuryDecision, Registration } from './exam-session';
import { awarded, checkDecidedOn } from './deliberation';
import { assertJuryRule } from './jury-rule';
import type { CertificationView } from './read-models';
import { DECISION_OUTCOMES, type DecisionOutcome, type SessionStatus } from './session-vocabulary';

/**
 * How long after its deliberation a session's decisions may be corrected: two months, the time
 * a candidate has to contest a jury decision (recours gracieux), counted in days so that it is
 * the same everywhere (ADR jury-decision-corrections). After it the session is CLOSED.
 */
export const CORRECTION_WINDOW_DAYS = 61;

export const CORRECTION_REASON_MAX_LENGTH = 1000;

/** The last day a decision of this session may be corrected (null while PLANNED). */
export function correctionWindowEnd(session: Pick<ExamSession, 'deliberatedAt'>): LocalDate | null {
  if (!session.deliberatedAt) return null;
  return addDays(todayIn('Europe/Paris', session.deliberatedAt), CORRECTION_WINDOW_DAYS);
}

/** PLANNED; DELIBERATED while its corrections window is open; CLOSED once it is over. */
export function sessionStatusOn(
  session: Pick<ExamSession, 'status' | 'deliberatedAt'>,
  today: LocalDate,
): SessionStatus {
  const windowEnd = correctionWindowEnd(session);
  if (session.status === 'DELIBERATED' && windowEnd && isAfter(today, windowEnd)) return 'CLOSED';
  return session.status;
}

export interface CorrectionRequest {
  outcome: DecisionOutcome;
  awardedComponentIds: string[] | null;
  finalInterviewPassed: boolean | null;
  decidedOn: LocalDate;
  reason: string;
}

export interface CorrectionFacts {
  session: ExamSession;
  certification: CertificationView;
  jurors: readonly Juror[];
  registration: Registration;
  /** Every decision of the registration, in any order. */
  history: readonly JuryDecision[];
  today: LocalDate;
}

export interface CheckedCorrection {
  superseded: JuryDecision;
  outcome: DecisionOutcome;
  awardedComponentIds: string[];
  finalInterviewPassed: boolean | null;
  decidedOn: LocalDate;
  reason: string;
}

/** The registration's decision: the one no correction superseded. */
export function currentDecision(history: readonly JuryDecision[]): JuryDecision | null {
  return (
    [...history]
      .filter((d) => d.supersededById === null)
      .sort((a, b) => b.sequence - a.sequence)[0] ?? null
  );
}

/** Every decision of a registration, oldest first. */
export function decisionHistory(history: readonly JuryDecision[]): JuryDecision[] {
  return [...history].sort((a, b) => a.sequence - b.sequence);
}

function sameDecision(
  a: JuryDecision,
  b: Omit<CheckedCorrection, 'superseded' | 'reason'>,
): boolean {
  return (
    a.outcome === b.outcome &&
    a.decidedOn === b.decidedOn &&
    a.finalInterviewPassed === b.finalInterviewPassed &&
    a.awardedComponentIds.join() === b.awardedComponentIds.join()
  );
}

/**
 * correctDecision (R9): on a DELIBERATED session whose corrections window is open, with its jury
 * meeting the certification's rule; a reason; the new decision checked like the deliberation's
 * (scope, R3, decidedOn) and different from the one it supersedes.
 */
export function checkCorrection(
  facts: CorrectionFacts,
  request: CorrectionRequest,
): CheckedCorrection {
  const { session, today } = facts;
  const status = sessionStatusOn(session, today);
  if (status === 'PLANNED') {
    throw new InvalidInput(
      `session ${session.id} has not deliberated yet: record its deliberation rather than a correction`,
      'registrationId',
      'session-status',
    );
  }
  if (status === 'CLOSED') {
    throw new InvalidInput(
      `session ${session.id} is CLOSED: its decisions could be corrected until ${correctionWindowEnd(session)} ` +
        `(${CORRECTION_WINDOW_DAYS} days after the deliberation)`,
      'registrationId',
      'session-status',
    );
  }
  assertJuryRule(facts.certification, facts.jurors, 'correcting a decision');
  const superseded = currentDecision(facts.history);
  if (!superseded) {
    throw new InvalidInput(
      `registration ${facts.registration.id} has no decision to correct`,
      'registrationId',
    );
  }
  const problems = new InputProblems();
  const reason = request.reason.trim();
  problems
    .check(
      reason !== '',
      'input.reason',
      'must say why the decision is corrected (it is kept in the record)',
    )
    .check(
      reason.length <= CORRECTION_REASON_MAX_LENGTH,
      'input.reason',
      `must be at most ${CORRECTION_REASON_MAX_LENGTH} characters; got ${reason.length}`,
    );
  if (!DECISION_OUTCOMES.includes(request.outcome)) {
    problems.add('input.outcome', `unknown outcome ${request.outcome}`);
    problems.throwIfAny();
  }
  checkDecidedOn(request.decidedOn, 'input.decidedOn', facts, problems);
  const awardedComponentIds = awarded(request, 'input', facts, problems);
  problems.throwIfAny();
  const corrected = {
    outcome: request.outcome,
    awardedComponentIds,
    finalInterviewPassed: request.finalInterviewPassed,
    decidedOn: request.decidedOn,
  };
  if (sameDecision(superseded, corrected)) {
    throw new InvalidInput(
      'the correction decides exactly what the current decision does: nothing to correct',
      'input',
    );
  }
  return { superseded, ...corrected, reason };
}

/** TITLE_AWARDED, or the final interview passed: the decision awards the title (or the CCS). */
export function awardsTitle(
  decision: Pick<JuryDecision, 'outcome' | 'finalInterviewPassed'>,
): boolean {
  return decision.outcome === 'TITLE_AWARDED' || decision.finalInterviewPassed === true;
}

/**
 * The correction as it is recorded: a new decision of the registration, in the superseded one's
 * certification, with the next sequence, and the reason and day of the correction (R9).
 */
export function correctionDecision(
  session: ExamSession,
  registration: Registration,
  checked: CheckedCorrection,
  recording: { id: string; recordedAt: Date; recordedBy: string; correctedOn: LocalDate },
): JuryDecision {
  const { superseded } = checked;
  return {
    id: recording.id,
    registrationId: registration.id,
    sessionId: session.id,
    candidateId: registration.candidateId,
    enrollmentId: registration.enrollmentId,
    certificationId: superseded.certificationId,
    outcome: checked.outcome,
    awardedComponentIds: checked.awardedComponentIds,
    finalInterviewPassed: checked.finalInterviewPassed,
    decidedOn: checked.decidedOn,
    recordedAt: recording.recordedAt,
    recordedBy: recording.recordedBy,
    sequence: superseded.sequence + 1,
    supersedesId: superseded.id,
    supersededById: null,
    correctionReason: checked.reason,
    correctedOn: recording.correctedOn,
  };
}
