import type { LocalDate } from '@certif/platform-calendar';
import {
  PATHWAYS,
  searchable,
  type Candidate,
  type Enrollment,
  type EnrollmentStatus,
  type KnownCertification,
  type Pathway,
  type Sex,
} from '@certif/candidates-domain';
import { CandidateRow } from './candidate.row';
import { EnrollmentRow } from './enrollment.row';
import { KnownCertificationRow } from './known-certification.row';

export function toCandidateRow(c: Candidate): CandidateRow {
  const erased = c.erasedAt !== null;
  return Object.assign(new CandidateRow(), {
    id: c.id,
    firstName: c.firstName,
    lastName: c.lastName,
    birthDate: c.birthDate,
    sex: c.sex,
    birthName: c.birthName,
    birthInseeCode: c.birthPlace?.inseeCode ?? null,
    birthPostalCode: c.birthPlace?.postalCode ?? null,
    birthCity: c.birthPlace?.city ?? null,
    birthCountryCode: c.birthPlace?.countryCode ?? null,
    birthCountry: c.birthPlace?.country ?? null,
    email: c.email,
    accommodations: c.accommodations,
    // R13: an erased candidate matches no search; it keeps a place in the list by pseudonym.
    searchText: erased ? '' : searchable(`${c.lastName} ${c.firstName}`).slice(0, 210),
    sortLastName: searchable(c.lastName).slice(0, 100),
    sortFirstName: searchable(c.firstName).slice(0, 100),
    registeredAt: c.registeredAt,
    erasedAt: c.erasedAt,
    version: c.version,
  });
}

function toBirthPlace(row: CandidateRow): Candidate['birthPlace'] {
  const place = {
    inseeCode: row.birthInseeCode,
    postalCode: row.birthPostalCode,
    city: row.birthCity,
    countryCode: row.birthCountryCode,
    country: row.birthCountry,
  };
  return Object.values(place).some((v) => v !== null) ? place : null;
}

export function toCandidate(row: CandidateRow): Candidate {
  return {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    birthDate: row.birthDate,
    sex: row.sex as Sex | null,
    birthName: row.birthName,
    birthPlace: toBirthPlace(row),
    email: row.email,
    accommodations: row.accommodations,
    registeredAt: row.registeredAt,
    erasedAt: row.erasedAt,
    version: row.version,
  };
}

export function toEnrollmentRow(e: Enrollment): EnrollmentRow {
  const vae = e.vaeAdmissibility;
  return Object.assign(new EnrollmentRow(), {
    id: e.id,
    candidateId: e.candidateId,
    certificationId: e.certificationId,
    pathway: e.pathway,
    startedOn: e.startedOn,
    trainingCenter: e.trainingCenter,
    status: e.status,
    enrolledAt: e.enrolledAt,
    vaeNoticeNumber: vae?.noticeNumber ?? null,
    vaeIssuedOn: vae?.issuedOn ?? null,
    vaeIssuedBy: vae?.issuedBy ?? null,
    vaeExperienceYears: vae?.experienceYears ?? null,
    vaeRequiredExperienceYears: vae?.requiredExperienceYears ?? null,
    vaeRecordedAt: vae?.recordedAt ?? null,
  });
}

export function toEnrollment(row: EnrollmentRow): Enrollment {
  const hasNotice =
    row.vaeNoticeNumber !== null && row.vaeIssuedOn !== null && row.vaeIssuedBy !== null;
  return {
    id: row.id,
    candidateId: row.candidateId,
    certificationId: row.certificationId,
    pathway: row.pathway as Pathway,
    startedOn: row.startedOn,
    trainingCenter: row.trainingCenter,
    status: row.status as EnrollmentStatus,
    enrolledAt: row.enrolledAt,
    vaeAdmissibility: hasNotice
      ? {
          noticeNumber: row.vaeNoticeNumber as string,
          issuedOn: row.vaeIssuedOn as LocalDate,
          issuedBy: row.vaeIssuedBy as string,
          experienceYears: row.vaeExperienceYears,
          requiredExperienceYears: row.vaeRequiredExperienceYears,
          recordedAt: row.vaeRecordedAt as Date,
        }
      : null,
  };
}

export function toKnownCertificationRow(c: KnownCertification): KnownCertificationRow {
  return Object.assign(new KnownCertificationRow(), { ...c });
}

export function toKnownCertification(row: KnownCertificationRow): KnownCertification {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    published: Boolean(row.published),
    registeredFrom: row.registeredFrom,
    registeredUntil: row.registeredUntil,
    revisesId: row.revisesId,
    revisedById: row.revisedById,
    vaeMinimumExperienceYears: row.vaeMinimumExperienceYears,
    pathways: row.pathways ?? [...PATHWAYS],
    version: row.version,
  };
}
