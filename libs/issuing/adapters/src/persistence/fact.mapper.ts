import type { CandidateFacts } from '@certif/issuing-application';
import type {
  ComponentAcquisition,
  DecisionCorrection,
  TitleDecision,
} from '@certif/issuing-domain';
import { AcquiredComponentRow, DecisionCorrectionRow, TitleDecisionRow } from './fact.rows';

export function toAcquiredComponentRow(
  candidateId: string,
  a: ComponentAcquisition,
  recordedAt: Date,
): AcquiredComponentRow {
  return Object.assign(new AcquiredComponentRow(), {
    decisionId: a.decisionId,
    componentId: a.componentId,
    candidateId,
    certificationId: a.certificationId,
    sessionId: a.sessionId,
    acquiredOn: a.acquiredOn,
    recordedAt,
  });
}

export function toTitleDecisionRow(
  candidateId: string,
  d: TitleDecision,
  recordedAt: Date,
): TitleDecisionRow {
  return Object.assign(new TitleDecisionRow(), {
    decisionId: d.decisionId,
    candidateId,
    certificationId: d.certificationId,
    sessionId: d.sessionId,
    decidedOn: d.decidedOn,
    outcome: d.outcome,
    finalInterviewPassed: d.finalInterviewPassed,
    scope: d.scope,
    specializationId: d.specializationId,
    recordedAt,
  });
}

export function toDecisionCorrectionRow(
  candidateId: string,
  c: DecisionCorrection,
  recordedAt: Date,
): DecisionCorrectionRow {
  return Object.assign(new DecisionCorrectionRow(), {
    decisionId: c.decisionId,
    supersededDecisionId: c.supersededDecisionId,
    candidateId,
    certificationId: c.certificationId,
    decidedOn: c.decidedOn,
    correctedOn: c.correctedOn,
    reason: c.reason,
    recordedAt,
  });
}

export function toCandidateAcquisition(
  row: AcquiredComponentRow,
): CandidateFacts['acquisitions'][number] {
  return {
    candidateId: row.candidateId,
    decisionId: row.decisionId,
    componentId: row.componentId,
    certificationId: row.certificationId,
    sessionId: row.sessionId,
    acquiredOn: row.acquiredOn,
  };
}

export function toCandidateDecision(row: TitleDecisionRow): CandidateFacts['decisions'][number] {
  return {
    candidateId: row.candidateId,
    decisionId: row.decisionId,
    certificationId: row.certificationId,
    sessionId: row.sessionId,
    decidedOn: row.decidedOn,
    outcome: row.outcome as TitleDecision['outcome'],
    finalInterviewPassed: Boolean(row.finalInterviewPassed),
    scope: row.scope as TitleDecision['scope'],
    specializationId: row.specializationId,
  };
}

export function toCandidateCorrection(
  row: DecisionCorrectionRow,
): CandidateFacts['corrections'][number] {
  return {
    candidateId: row.candidateId,
    decisionId: row.decisionId,
    supersededDecisionId: row.supersededDecisionId,
    certificationId: row.certificationId,
    decidedOn: row.decidedOn,
    correctedOn: row.correctedOn,
    reason: row.reason,
  };
}
