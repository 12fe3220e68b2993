import { isAfter, isBefore, isLocalDate, type LocalDate } from '@certif/platform-calendar';
import { InputProblems } from '@certif/platform-errors';
import type { ExamSession, Juror, JuryDecision, Registration } from './exam-session';
import { assertOpenForChanges } from './jury';
import { assertJuryRule } from './jury-rule';
import { graceYearEnd } from './plan-session';
import type { CertificationView } from './read-models';
import { DECISION_OUTCOMES, type DecisionOutcome } from './session-vocabulary';

export interface DecisionRequest {
  registrationId: string;
  outcome: DecisionOutcome;
  awardedComponentIds: string[] | null;
  finalInterviewPassed: boolean | null;
  decidedOn: LocalDate;
}

export interface DeliberationFacts {
  session: ExamSession;
  certification: CertificationView;
  jurors: readonly Juror[];
  registrations: readonly Registration[];
  /** `decidedOn` may not be later (a decision is recorded once taken). */
  today: LocalDate;
}

/** A decision checked and completed: what it awards, and whether the title follows (R3). */
export interface CheckedDecision {
  registration: Registration;
  outcome: DecisionOutcome;
  /** In the referential's order; for TITLE_AWARDED in a FULL_TITLE session, every component. */
  awardedComponentIds: string[];
  finalInterviewPassed: boolean | null;
  decidedOn: LocalDate;
  /** TITLE_AWARDED, or the final interview passed: sessions.title-awarded.v1 is published. */
  awardsTitle: boolean;
}

/**
 * `decidedOn`: a real date between the session's start and today (past dates are fine: records
 * taken over), and — for a certification whose registration ends — on or before the end of R5's
 * grace year, the date issuing counts decisions by (ADR jury-r5-date).
 */
export function checkDecidedOn(
  decidedOn: LocalDate,
  field: string,
  facts: Pick<DeliberationFacts, 'session' | 'certification' | 'today'>,
  problems: InputProblems,
): void {
  if (!isLocalDate(decidedOn)) {
    problems.add(field, `"${decidedOn}" is not a date YYYY-MM-DD`);
    return;
  }
  const { session, certification, today } = facts;
  problems.check(
    !isBefore(decidedOn, session.startsOn),
    field,
    `${decidedOn} is before the session starts (${session.startsOn})`,
  );
  problems.check(
    !isAfter(decidedOn, today),
    field,
    `${decidedOn} is in the future (today is ${today}): record a decision once it is taken`,
  );
  const graceEnd = graceYearEnd(certification);
  problems.check(
    !graceEnd || !isAfter(decidedOn, graceEnd),
    field,
    `${decidedOn} is after ${graceEnd}, the end of R5's year of grace of ${certification.code} ` +
      `(registration ended ${certification.registeredUntil}): a decision after it cannot count`,
  );
}

/**
 * The components a decision awards (ADR 0005): COMPONENTS_AWARDED those listed, within the
 * session's scope; TITLE_AWARDED every component of the title in a FULL_TITLE session, and none
 * in a SPECIALIZATION session (it awards the CCS); TITLE_AWARDED is refused in a COMPONENTS
 * session, where the title follows from COMPONENTS_AWARDED with finalInterviewPassed (R3).
 */
export function awarded(
  request: Pick<DecisionRequest, 'outcome' | 'awardedComponentIds' | 'finalInterviewPassed'>,
  at: string,
  facts: Pick<DeliberationFacts, 'session' | 'certification'>,
  problems: InputProblems,
): string[] {
  const { session, certification } = facts;
  const listed = request.awardedComponentIds ?? [];
  const inScope = new Set(session.componentIds);
  const codeOf = new Map(certification.components.map((c) => [c.id, c.code]));
  const ordered = (ids: Set<string>) =>
    certification.components.filter((c) => ids.has(c.id)).map((c) => c.id);
  switch (request.outcome) {
    case 'COMPONENTS_AWARDED': {
      problems.check(
        listed.length > 0,
        `${at}.awardedComponentIds`,
        'COMPONENTS_AWARDED needs the components awarded; use NOT_AWARDED when the jury awards none',
      );
      listed.forEach((id, i) => {
        problems.check(
          inScope.has(id),
          `${at}.awardedComponentIds[${i}]`,
          `"${codeOf.get(id) ?? id}" is not assessed by this session (it assesses ${
            session.componentIds.map((c) => codeOf.get(c) ?? c).join(', ') || 'no component'
          })`,
        );
        problems.check(
          listed.indexOf(id) === i,
          `${at}.awardedComponentIds[${i}]`,
          `"${id}" is listed twice`,
        );
      });
      return ordered(new Set(listed));
    }
    case 'TITLE_AWARDED': {
      if (session.scope === 'COMPONENTS') {
        problems.add(
          `${at}.outcome`,
          'a COMPONENTS session does not award the title: record COMPONENTS_AWARDED with finalInterviewPassed: true ' +
            'when the jury passes the final interview after the last component (R3); the parchemin follows',
        );
        return [];
      }
      const title = new Set(session.scope === 'FULL_TITLE' ? session.componentIds : []);
      listed.forEach((id, i) =>
        problems.check(
          title.has(id),
          `${at}.awardedComponentIds[${i}]`,
          session.scope === 'FULL_TITLE'
            ? `"${id}" is not a component of ${certification.code}; TITLE_AWARDED awards all of them, list none`
            : 'TITLE_AWARDED in a SPECIALIZATION session awards the CCS, not components: list none',
        ),
      );
      if (certification.requiresFinalInterview && request.finalInterviewPassed === false) {
        problems.add(
          `${at}.finalInterviewPassed`,
          `${certification.code} is awarded only after the final interview (R3): the title cannot be awarded when it was not passed`,
        );
      }
      return ordered(title);
    }
    default:
      problems.check(
        listed.length === 0,
        `${at}.awardedComponentIds`,
        `${request.outcome} awards nothing: list no component, or use COMPONENTS_AWARDED`,
      );
      problems.check(
        request.finalInterviewPassed !== true,
        `${at}.finalInterviewPassed`,
        `${request.outcome} cannot go with a passed final interview`,
      );
      return [];
  }
}

/**
 * recordDeliberation, all registrations at once: the session deliberates once, with its jury
 * meeting the certification's rule (R8/R9); one decision per registration of the session and none for another session;
 * each outcome consistent with the scope; decidedOn between the session's start and today,
 * within R5's grace year (checkDecidedOn). Every problem is reported in one refusal.
 */
export function checkDeliberation(
  facts: DeliberationFacts,
  requests: readonly DecisionRequest[],
): CheckedDecision[] {
  assertOpenForChanges(facts.session, 'recording a deliberation');
  assertJuryRule(facts.certification, facts.jurors, 'deliberating');
  const problems = new InputProblems();
  const byId = new Map(facts.registrations.map((r) => [r.id, r]));
  const seen = new Set<string>();
  const checked: CheckedDecision[] = [];
  requests.forEach((request, index) => {
    const at = `decisions[${index}]`;
    const registration = byId.get(request.registrationId);
    if (!registration) {
      problems.add(
        `${at}.registrationId`,
        `"${request.registrationId}" is not a registration of session ${facts.session.id}`,
      );
      return;
    }
    if (seen.has(registration.id)) {
      problems.add(
        `${at}.registrationId`,
        `registration ${registration.id} is decided twice; give one decision per registration`,
      );
      return;
    }
    seen.add(registration.id);
    if (!DECISION_OUTCOMES.includes(request.outcome)) {
      problems.add(`${at}.outcome`, `unknown outcome ${request.outcome}`);
      return;
    }
    checkDecidedOn(request.decidedOn, `${at}.decidedOn`, facts, problems);
    const awardedComponentIds = awarded(request, at, facts, problems);
    checked.push({
      registration,
      outcome: request.outcome,
      awardedComponentIds,
      finalInterviewPassed: request.finalInterviewPassed,
      decidedOn: request.decidedOn,
      awardsTitle: request.outcome === 'TITLE_AWARDED' || request.finalInterviewPassed === true,
    });
  });
  const missing = facts.registrations.filter((r) => !seen.has(r.id)).map((r) => r.id);
  problems.check(
    missing.length === 0,
    'decisions',
    `every registration is decided in the one deliberation; missing: ${missing.join(', ')} (use ABSENT for a candidate who did not come)`,
  );
  problems.throwIfAny();
  return checked;
}

/** The deliberation's own decision of a registration, as it is recorded (never changed after, R9). */
export function recordedDecision(
  session: ExamSession,
  checked: CheckedDecision,
  recording: { id: string; recordedAt: Date; recordedBy: string },
): JuryDecision {
  return {
    id: recording.id,
    registrationId: checked.registration.id,
    sessionId: session.id,
    candidateId: checked.registration.candidateId,
    enrollmentId: checked.registration.enrollmentId,
    certificationId: session.certificationId,
    outcome: checked.outcome,
    awardedComponentIds: checked.awardedComponentIds,
    finalInterviewPassed: checked.finalInterviewPassed,
    decidedOn: checked.decidedOn,
    recordedAt: recording.recordedAt,
    recordedBy: recording.recordedBy,
    sequence: 1,
    supersedesId: null,
    supersededById: null,
    correctionReason: null,
    correctedOn: null,
  };
}
