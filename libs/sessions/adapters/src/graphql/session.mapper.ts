import {
  decisionHistory,
  type CorrectionRequest,
  type DecisionRequest,
  type ExamSession,
  type Juror,
  type JurorRequest,
  type JuryDecision,
  type Registration,
  type SessionRequest,
} from '@certif/sessions-domain';
import type {
  DecisionCorrectionInput,
  DecisionInput,
  JurorInput,
  PlanSessionInput,
} from './session.inputs';
import {
  DecisionRecordType,
  ExamSessionType,
  JurorType,
  JuryDecisionType,
  RegistrationType,
} from './session.types';

export function toExamSessionType(session: ExamSession): ExamSessionType {
  return Object.assign(new ExamSessionType(), {
    id: session.id,
    storedStatus: session.status,
    deliberatedAt: session.deliberatedAt,
    scope: session.scope,
    center: session.center,
    startsOn: session.startsOn,
    endsOn: session.endsOn,
    capacity: session.capacity,
    certification: { id: session.certificationId },
    components: session.componentIds.map((id) => ({ id })),
    specializationId: session.specializationId,
  });
}

export function toJurorType(juror: Juror): JurorType {
  return Object.assign(new JurorType(), {
    id: juror.id,
    userId: juror.userId,
    name: juror.name,
    role: juror.role,
  });
}

export function toRegistrationType(registration: Registration): RegistrationType {
  return Object.assign(new RegistrationType(), {
    id: registration.id,
    candidate: { id: registration.candidateId },
    enrollmentId: registration.enrollmentId,
    sessionId: registration.sessionId,
  });
}

export function toJuryDecisionType(decision: JuryDecision): JuryDecisionType {
  return Object.assign(new JuryDecisionType(), {
    id: decision.id,
    outcome: decision.outcome,
    awardedComponents: decision.awardedComponentIds.map((id) => ({ id })),
    finalInterviewPassed: decision.finalInterviewPassed,
    decidedOn: decision.decidedOn,
  });
}

export function toSessionRequest(input: PlanSessionInput): SessionRequest {
  return {
    certificationId: input.certificationId,
    scope: input.scope,
    componentIds: input.componentIds ?? null,
    specializationId: input.specializationId ?? null,
    center: input.center,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    capacity: input.capacity ?? null,
  };
}

export function toJurorRequest(input: JurorInput): JurorRequest {
  return { userId: input.userId, name: input.name, role: input.role };
}

export function toDecisionRequest(input: DecisionInput): DecisionRequest {
  return {
    registrationId: input.registrationId,
    outcome: input.outcome,
    awardedComponentIds: input.awardedComponentIds ?? null,
    finalInterviewPassed: input.finalInterviewPassed ?? null,
    decidedOn: input.decidedOn,
  };
}

/** Oldest first; a superseded decision carries its correction's day and reason. */
export function toDecisionRecordTypes(history: readonly JuryDecision[]): DecisionRecordType[] {
  const ordered = decisionHistory(history);
  const byId = new Map(ordered.map((d) => [d.id, d]));
  return ordered.map((decision) => {
    const successor = decision.supersededById ? byId.get(decision.supersededById) : undefined;
    return Object.assign(new DecisionRecordType(), {
      id: decision.id,
      outcome: decision.outcome,
      awardedComponents: decision.awardedComponentIds.map((id) => ({ id })),
      finalInterviewPassed: decision.finalInterviewPassed,
      decidedOn: decision.decidedOn,
      correctedOn: successor?.correctedOn ?? null,
      reason: successor?.correctionReason ?? null,
    });
  });
}

export function toCorrectionRequest(input: DecisionCorrectionInput): CorrectionRequest {
  return {
    outcome: input.outcome,
    awardedComponentIds: input.awardedComponentIds ?? null,
    finalInterviewPassed: input.finalInterviewPassed ?? null,
    decidedOn: input.decidedOn,
    reason: input.reason,
  };
}
