import type { LocalDate } from '@certif/platform-calendar';
import { Forbidden, NotFound } from '@certif/platform-errors';
import {
  checkCorrection,
  correctionDecision,
  mayDeliberate,
  type Caller,
  type CertificationView,
  type CheckedCorrection,
  type CorrectionRequest,
  type ExamSession,
  type JuryDecision,
  type Registration,
} from '@certif/sessions-domain';
import { certificationOf, lockSession } from '../loading';
import type { DecisionCorrected, SessionsDependencies } from '../ports';

/**
 * correctDecision (R9): a new decision supersedes the registration's decision, with its reason;
 * the superseded one is kept. The correction and sessions.decision-corrected.v1 commit together,
 * under the session's lock (so a correction and a deliberation never interleave).
 */
export class CorrectDecisionService {
  constructor(private readonly deps: SessionsDependencies) {}

  execute(
    caller: Caller,
    registrationId: string,
    request: CorrectionRequest,
  ): Promise<{ registration: Registration; correction: JuryDecision }> {
    return this.deps.unitOfWork.transaction(async (tx) => {
      const [found] = await tx.registrations.findByIds([registrationId]);
      if (!found) throw new NotFound('registration', registrationId);
      const session = await lockSession(tx, found.sessionId);
      const jurors = await tx.jurors.findBySessions([session.id]);
      if (!mayDeliberate(caller, jurors)) {
        throw new Forbidden(
          'Only a juror of this session (or an admin) corrects one of its decisions',
        );
      }
      const certification = await certificationOf(tx, session);
      const history = await tx.decisions.findByRegistrations([found.id]);
      const today = this.deps.clock.today();
      const checked = checkCorrection(
        { session, certification, jurors, registration: found, history, today },
        request,
      );
      const correction = correctionDecision(session, found, checked, {
        id: this.deps.newId(),
        recordedAt: this.deps.clock.now(),
        recordedBy: caller.sub,
        correctedOn: today,
      });
      await tx.decisions.insertCorrection(checked.superseded.id, correction);
      await tx.events.corrected(correctionEvent(session, certification, checked, correction));
      return { registration: found, correction };
    });
  }
}

/** The payload of sessions.decision-corrected.v1: the new decision's full set, and what it withdraws. */
export function correctionEvent(
  session: ExamSession,
  certification: CertificationView,
  checked: CheckedCorrection,
  correction: JuryDecision,
): DecisionCorrected {
  const codeOf = new Map(certification.components.map((c) => [c.id, c.code]));
  const component = (componentId: string) => ({
    componentId,
    componentCode: codeOf.get(componentId) ?? componentId,
  });
  const kept = new Set(correction.awardedComponentIds);
  return {
    candidateId: correction.candidateId,
    enrollmentId: correction.enrollmentId,
    registrationId: correction.registrationId,
    sessionId: session.id,
    decisionId: correction.id,
    certificationId: correction.certificationId,
    decidedOn: correction.decidedOn,
    supersededDecisionId: checked.superseded.id,
    supersededDecidedOn: checked.superseded.decidedOn,
    outcome: correction.outcome,
    scope: session.scope,
    specializationId: session.specializationId,
    finalInterviewPassed: correction.finalInterviewPassed ?? false,
    awardedComponents: correction.awardedComponentIds.map(component),
    withdrawnComponents: checked.superseded.awardedComponentIds
      .filter((id) => !kept.has(id))
      .map(component),
    reason: checked.reason,
    correctedOn: correction.correctedOn as LocalDate,
  };
}
