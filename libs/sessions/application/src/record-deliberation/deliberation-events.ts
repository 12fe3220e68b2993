import type {
  CertificationView,
  CheckedDecision,
  ExamSession,
  JuryDecision,
} from '@certif/sessions-domain';
import type { CcpAcquired, TitleAwarded } from '../ports';

/**
 * The events of one deliberation: one sessions.ccp-acquired.v1 per component awarded, and one
 * sessions.title-awarded.v1 per decision that awards the title or passes the final interview.
 */
export function deliberationEvents(
  session: ExamSession,
  certification: CertificationView,
  decided: readonly { checked: CheckedDecision; decision: JuryDecision }[],
): { acquired: CcpAcquired[]; titles: TitleAwarded[] } {
  const codeOf = new Map(certification.components.map((c) => [c.id, c.code]));
  const acquired: CcpAcquired[] = [];
  const titles: TitleAwarded[] = [];
  for (const { checked, decision } of decided) {
    if (decision.outcome !== 'TITLE_AWARDED' && decision.outcome !== 'COMPONENTS_AWARDED') continue;
    const reference = {
      candidateId: decision.candidateId,
      enrollmentId: decision.enrollmentId,
      registrationId: decision.registrationId,
      sessionId: session.id,
      decisionId: decision.id,
      certificationId: decision.certificationId,
      decidedOn: decision.decidedOn,
    };
    for (const componentId of decision.awardedComponentIds) {
      acquired.push({
        ...reference,
        componentId,
        componentCode: codeOf.get(componentId) ?? componentId,
        outcome: decision.outcome,
      });
    }
    if (checked.awardsTitle) {
      titles.push({
        ...reference,
        outcome: decision.outcome,
        finalInterviewPassed: decision.finalInterviewPassed ?? false,
        scope: session.scope,
        specializationId: session.specializationId,
      });
    }
  }
  return { acquired, titles };
}
