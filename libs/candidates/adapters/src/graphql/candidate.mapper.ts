import type { ConnectionShape } from '@certif/platform-graphql';
import { sortKeyOf, type Page } from '@certif/candidates-application';
import type {
  Candidate,
  Enrollment,
  EnrollmentDraft,
  RegistrationDraft,
  VaeAdmissibilityDraft,
} from '@certif/candidates-domain';
import type {
  EnrollCandidateInput,
  RegisterCandidateInput,
  VaeAdmissibilityInput,
} from './candidate.inputs';
import { encodeCandidateCursor } from './candidate-cursor';
import { CandidateType, EnrollmentType } from './candidate.types';

export function toCandidateType(c: Candidate): CandidateType {
  return Object.assign(new CandidateType(), {
    id: c.id,
    firstName: c.firstName,
    lastName: c.lastName,
    birthDate: c.birthDate,
    email: c.email,
    sex: c.sex,
    birthName: c.birthName,
    birthPlace: c.birthPlace && { ...c.birthPlace },
    erasedAt: c.erasedAt,
    accommodationList: c.accommodations,
  });
}

export function toEnrollmentType(e: Enrollment): EnrollmentType {
  const vae = e.vaeAdmissibility;
  return Object.assign(new EnrollmentType(), {
    id: e.id,
    pathway: e.pathway,
    startedOn: e.startedOn,
    trainingCenter: e.trainingCenter,
    certificationId: e.certificationId,
    candidateId: e.candidateId,
    vaeAdmissibility: vae && {
      noticeNumber: vae.noticeNumber,
      issuedOn: vae.issuedOn,
      issuedBy: vae.issuedBy,
      experienceYears: vae.experienceYears,
      requiredExperienceYears: vae.requiredExperienceYears,
    },
  });
}

export function toRegistrationDraft(input: RegisterCandidateInput): RegistrationDraft {
  return {
    firstName: input.firstName,
    lastName: input.lastName,
    birthDate: input.birthDate ?? null,
    email: input.email ?? null,
    accommodations: input.accommodations ?? [],
    sex: input.sex ?? null,
    birthName: input.birthName ?? null,
    birthPlace: input.birthPlace
      ? {
          inseeCode: input.birthPlace.inseeCode ?? null,
          postalCode: input.birthPlace.postalCode ?? null,
          city: input.birthPlace.city ?? null,
          countryCode: input.birthPlace.countryCode ?? null,
          country: input.birthPlace.country ?? null,
        }
      : null,
  };
}

export function toEnrollmentDraft(input: EnrollCandidateInput): EnrollmentDraft {
  return {
    candidateId: input.candidateId,
    certificationId: input.certificationId,
    pathway: input.pathway,
    startedOn: input.startedOn,
    trainingCenter: input.trainingCenter ?? null,
  };
}

export function toVaeAdmissibilityDraft(input: VaeAdmissibilityInput): VaeAdmissibilityDraft {
  return {
    noticeNumber: input.noticeNumber,
    issuedOn: input.issuedOn,
    issuedBy: input.issuedBy,
    experienceYears: input.experienceYears ?? null,
  };
}

/** A page of the list as the `candidates` connection: each edge's cursor is its keyset position. */
export function toCandidateConnection(page: Page<Candidate>): ConnectionShape<CandidateType> {
  const edges = page.items.map((c) => ({
    cursor: encodeCandidateCursor(sortKeyOf(c)),
    node: toCandidateType(c),
  }));
  const pageInfo = { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null };
  return { totalCount: page.totalCount, pageInfo, edges };
}
