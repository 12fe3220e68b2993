import {
  defaultJuryRule,
  type CandidateView,
  type CertificationView,
  type EnrollmentView,
  type ParcheminView,
  type Pathway,
} from '@certif/sessions-domain';
import {
  CandidateViewRow,
  CertificationViewRow,
  EnrollmentViewRow,
  ParcheminViewRow,
} from './read-model.rows';

export function toCertificationViewRow(view: CertificationView): CertificationViewRow {
  return Object.assign(new CertificationViewRow(), view);
}

export function toCertificationView(row: CertificationViewRow): CertificationView {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    kind: row.kind as CertificationView['kind'],
    status: row.status as CertificationView['status'],
    registeredFrom: row.registeredFrom,
    registeredUntil: row.registeredUntil,
    requiresFinalInterview: Boolean(row.requiresFinalInterview),
    juryRule: row.juryRule ?? defaultJuryRule(row.kind as CertificationView['kind']),
    components: [...row.components].sort((a, b) => a.position - b.position),
    specializations: row.specializations,
    revisesId: row.revisesId,
    revisedById: row.revisedById,
    correspondences: row.correspondences,
    version: row.version,
  };
}

export function toCandidateViewRow(view: CandidateView): CandidateViewRow {
  return Object.assign(new CandidateViewRow(), view);
}

export function toCandidateView(row: CandidateViewRow): CandidateView {
  return {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    erasedAt: row.erasedAt,
    version: row.version,
  };
}

export function toEnrollmentViewRow(view: EnrollmentView): EnrollmentViewRow {
  return Object.assign(new EnrollmentViewRow(), view);
}

export function toEnrollmentView(row: EnrollmentViewRow): EnrollmentView {
  return {
    id: row.id,
    candidateId: row.candidateId,
    certificationId: row.certificationId,
    pathway: row.pathway as Pathway,
    startedOn: row.startedOn,
    trainingCenter: row.trainingCenter,
    vaeAdmissibility: row.vaeAdmissibility ?? null,
  };
}

export function toParcheminViewRow(view: ParcheminView): ParcheminViewRow {
  return Object.assign(new ParcheminViewRow(), view);
}

export function toParcheminView(row: ParcheminViewRow): ParcheminView {
  return {
    id: row.id,
    candidateId: row.candidateId,
    certificationId: row.certificationId,
    specializationId: row.specializationId,
    status: row.status as ParcheminView['status'],
    issuedOn: row.issuedOn,
  };
}
