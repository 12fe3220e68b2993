import type { EntityManager } from 'typeorm';
import type { Outbox } from '@certif/platform-events';
import type { CandidateChange, CandidateEvents } from '@certif/candidates-application';
import type { Candidate, Enrollment } from '@certif/candidates-domain';
import { candidateChanged, type EnrollmentState } from '@certif/candidates-contracts';

type CandidateChangedPayload = Parameters<typeof candidateChanged.key>[0];

function toEnrollmentState(e: Enrollment): EnrollmentState {
  const vae = e.vaeAdmissibility;
  return {
    id: e.id,
    certificationId: e.certificationId,
    pathway: e.pathway,
    startedOn: e.startedOn,
    trainingCenter: e.trainingCenter,
    vaeAdmissibility: vae && {
      noticeNumber: vae.noticeNumber,
      issuedOn: vae.issuedOn,
      issuedBy: vae.issuedBy,
      experienceYears: vae.experienceYears,
    },
  };
}

/**
 * The published state: the contract, not the row nor the domain object. Email and accommodations
 * (R10) never leave the service.
 */
export function toCandidateChanged(
  candidate: Candidate,
  enrollments: readonly Enrollment[],
  change: CandidateChange,
): CandidateChangedPayload {
  return {
    change,
    candidate: {
      id: candidate.id,
      firstName: candidate.firstName,
      lastName: candidate.lastName,
      birthDate: candidate.birthDate,
      sex: candidate.sex,
      birthName: candidate.birthName,
      birthPlace: candidate.birthPlace && { ...candidate.birthPlace },
      erasedAt: candidate.erasedAt?.toISOString() ?? null,
    },
    enrollments: enrollments.map(toEnrollmentState),
    version: candidate.version,
  };
}

/** candidates.candidate.v1 through the outbox, in the transaction of the change. */
export class OutboxCandidateEvents implements CandidateEvents {
  constructor(
    private readonly outbox: Outbox,
    private readonly manager: EntityManager,
  ) {}

  async changed(
    candidate: Candidate,
    enrollments: readonly Enrollment[],
    change: CandidateChange,
  ): Promise<void> {
    await this.outbox.publish(
      this.manager,
      candidateChanged,
      toCandidateChanged(candidate, enrollments, change),
    );
  }
}
