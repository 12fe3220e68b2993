import type {
  DecisionOutcome,
  ExamSession,
  Juror,
  JurorRole,
  JuryDecision,
  Registration,
  SessionScope,
  SessionStatus,
} from '@certif/sessions-domain';
import { ExamSessionRow } from './exam-session.row';
import { JurorRow } from './juror.row';
import { JuryDecisionRow } from './jury-decision.row';
import { RegistrationRow } from './registration.row';

export function toExamSessionRow(session: ExamSession): ExamSessionRow {
  return Object.assign(new ExamSessionRow(), {
    ...session,
    componentIds: [...session.componentIds],
  });
}

export function toExamSession(row: ExamSessionRow): ExamSession {
  return {
    id: row.id,
    certificationId: row.certificationId,
    scope: row.scope as SessionScope,
    componentIds: row.componentIds,
    specializationId: row.specializationId,
    center: row.center,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    capacity: row.capacity,
    status: row.status as SessionStatus,
    plannedAt: row.plannedAt,
    deliberatedAt: row.deliberatedAt,
    version: row.version,
  };
}

export function toJurorRow(juror: Juror): JurorRow {
  return Object.assign(new JurorRow(), juror);
}

export function toJuror(row: JurorRow): Juror {
  return {
    id: row.id,
    sessionId: row.sessionId,
    userId: row.userId,
    name: row.name,
    role: row.role as JurorRole,
  };
}

export function toRegistrationRow(registration: Registration): RegistrationRow {
  return Object.assign(new RegistrationRow(), registration);
}

export function toRegistration(row: RegistrationRow): Registration {
  return {
    id: row.id,
    sessionId: row.sessionId,
    enrollmentId: row.enrollmentId,
    candidateId: row.candidateId,
    certificationId: row.certificationId,
    registeredAt: row.registeredAt,
  };
}

export function toJuryDecisionRow(decision: JuryDecision): JuryDecisionRow {
  return Object.assign(new JuryDecisionRow(), {
    ...decision,
    awardedComponentIds: [...decision.awardedComponentIds],
  });
}

export function toJuryDecision(row: JuryDecisionRow): JuryDecision {
  return {
    id: row.id,
    registrationId: row.registrationId,
    sessionId: row.sessionId,
    candidateId: row.candidateId,
    enrollmentId: row.enrollmentId,
    certificationId: row.certificationId,
    outcome: row.outcome as DecisionOutcome,
    awardedComponentIds: row.awardedComponentIds,
    // MySQL returns tinyint 0/1.
    finalInterviewPassed:
      row.finalInterviewPassed === null ? null : Boolean(row.finalInterviewPassed),
    decidedOn: row.decidedOn,
    recordedAt: row.recordedAt,
    recordedBy: row.recordedBy,
    sequence: row.sequence,
    supersedesId: row.supersedesId,
    supersededById: row.supersededById,
    correctionReason: row.correctionReason,
    correctedOn: row.correctedOn,
  };
}
