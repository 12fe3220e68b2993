import type { candidateChanged } from '@certif/candidates-contracts';
import type { credentialChanged } from '@certif/issuing-contracts';
import type { EventPayload } from '@certif/platform-events';
import type { CertificationState } from '@certif/referentials-contracts';
import {
  defaultJuryRule,
  type CertificationView,
  type EnrollmentView,
} from '@certif/sessions-domain';
import type { ReadModelWriter } from '../ports';

export type Projection = 'applied' | 'stale' | 'ignored';

/** referentials.certification.v1: the full state; a state older than the one kept is ignored. */
export async function projectCertification(
  writer: ReadModelWriter,
  state: CertificationState,
): Promise<Projection> {
  const [current] = await writer.certificationsByIds([state.id]);
  if (current && current.version >= state.version) return 'stale';
  const view: CertificationView = {
    id: state.id,
    code: state.code,
    title: state.title,
    kind: state.kind,
    status: state.status,
    registeredFrom: state.registeredFrom,
    registeredUntil: state.registeredUntil,
    requiresFinalInterview: state.requiresFinalInterview,
    // Absent from states published before jury rules existed: the contract's default.
    juryRule: state.juryRule
      ? { ...state.juryRule, requiredRoles: [...state.juryRule.requiredRoles] }
      : defaultJuryRule(state.kind),
    components: state.components.map(({ id, code, title, kind, position }) => ({
      id,
      code,
      title,
      kind,
      position,
    })),
    specializations: state.specializations.map(({ id, code, title }) => ({ id, code, title })),
    revisesId: state.revisesId,
    revisedById: state.revisedById,
    correspondences: state.correspondences.map((c) => ({
      fromComponentIds: [...c.fromComponentIds],
      toComponentId: c.toComponentId,
    })),
    version: state.version,
  };
  await writer.saveCertification(view);
  return 'applied';
}

/**
 * candidates.candidate.v1: the candidate's identity (the pseudonym once erased, R13) and
 * enrolments. Enrolments are never removed: an erased candidate keeps the record of what they
 * sat, and a state that lists fewer enrolments does not undo registrations.
 */
export async function projectCandidate(
  writer: ReadModelWriter,
  payload: EventPayload<typeof candidateChanged>,
): Promise<Projection> {
  const [current] = await writer.candidatesByIds([payload.candidate.id]);
  if (current && current.version >= payload.version) return 'stale';
  const { candidate } = payload;
  const enrollments: EnrollmentView[] = payload.enrollments.map((e) => ({
    id: e.id,
    candidateId: candidate.id,
    certificationId: e.certificationId,
    pathway: e.pathway,
    startedOn: e.startedOn,
    trainingCenter: e.trainingCenter,
    vaeAdmissibility: e.vaeAdmissibility
      ? {
          noticeNumber: e.vaeAdmissibility.noticeNumber,
          issuedOn: e.vaeAdmissibility.issuedOn,
          issuedBy: e.vaeAdmissibility.issuedBy,
        }
      : null,
  }));
  await writer.saveCandidate(
    {
      id: candidate.id,
      firstName: candidate.firstName,
      lastName: candidate.lastName,
      erasedAt: candidate.erasedAt,
      version: payload.version,
    },
    enrollments,
  );
  return 'applied';
}

/**
 * issuing.credential.v1: parchemins for R7. A revocation is final: an ISSUED state that arrives
 * after it (a replay) does not make the parchemin valid again. Livret changes are not needed here.
 */
export async function projectCredential(
  writer: ReadModelWriter,
  payload: EventPayload<typeof credentialChanged>,
): Promise<Projection> {
  if (payload.change === 'LIVRET_STATUS_CHANGED') return 'ignored';
  const { credential } = payload;
  const current = await writer.parcheminById(credential.id);
  const status = current?.status === 'REVOKED' ? 'REVOKED' : credential.status;
  if (current && current.status === status) return 'stale';
  await writer.saveParchemin({
    id: credential.id,
    candidateId: payload.candidateId,
    certificationId: credential.certificationId,
    specializationId: credential.specializationId,
    status,
    issuedOn: credential.issuedOn,
  });
  return 'applied';
}
