import type {
  DecisionRequest,
  ExamSession,
  Juror,
  JurorRequest,
  JuryDecision,
  Registration,
  SessionRequest,
} from '@certif/sessions-domain';
import type { DecisionInput, JurorInput, PlanSessionInput } from './session.inputs';
import { ExamSessionType, JurorType, JuryDecisionType, RegistrationType } from './session.types';

export function toExamSessionType(session: ExamSession): ExamSessionType {
  return Object.assign(new ExamSessionType(), {
    id: session.id,
    status: session.status,
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
