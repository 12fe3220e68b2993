import type { candidateChanged } from '@certif/candidates-contracts';
import type { credentialChanged } from '@certif/issuing-contracts';
import type { EventPayload } from '@certif/platform-events';
import { versionLinks, type CertificationState } from '@certif/referentials-contracts';
import type { CandidateState } from '@certif/sessions-application';
import {
  defaultJuryRule,
  type CertificationView,
  type ParcheminView,
} from '@certif/sessions-domain';

/** referentials.certification.v1's state → what sessions keeps of a certification. */
export function toCertificationView(state: CertificationState): CertificationView {
  return {
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
    ...versionLinks(state),
  };
}

/** candidates.candidate.v1 → the candidate's name and enrolments, as sessions keeps them. */
export function toCandidateState(payload: EventPayload<typeof candidateChanged>): CandidateState {
  const { candidate } = payload;
  return {
    candidate: {
      id: candidate.id,
      firstName: candidate.firstName,
      lastName: candidate.lastName,
      erasedAt: candidate.erasedAt,
      version: payload.version,
    },
    enrollments: payload.enrollments.map((e) => ({
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
    })),
  };
}

/** issuing.credential.v1 → the parchemin it is about; null for livret changes (not needed here). */
export function toParcheminView(
  payload: EventPayload<typeof credentialChanged>,
): ParcheminView | null {
  if (payload.change === 'LIVRET_STATUS_CHANGED') return null;
  const { credential } = payload;
  return {
    id: credential.id,
    candidateId: payload.candidateId,
    certificationId: credential.certificationId,
    specializationId: credential.specializationId,
    status: credential.status,
    issuedOn: credential.issuedOn,
  };
}
