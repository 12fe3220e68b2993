import { InvalidInput } from '@certif/platform-errors';
import type { Candidate } from './candidate';
import type { Enrollment } from './enrollment';
import type { KnownCertification } from './known-certification';
import { PATHWAYS } from './pathway';

/** Fixtures for tests only. */
export function sampleCandidate(overrides: Partial<Candidate> = {}): Candidate {
  return {
    id: 'c-0001',
    firstName: 'Léa',
    lastName: 'Martin',
    birthDate: '1995-04-12',
    email: 'lea.martin@example.fr',
    accommodations: [],
    sex: 'F',
    birthName: null,
    birthPlace: {
      inseeCode: '69123',
      postalCode: '69001',
      city: 'Lyon',
      countryCode: 'FRA',
      country: 'France',
    },
    registeredAt: new Date('2025-01-06T09:00:00Z'),
    erasedAt: null,
    version: 1,
    ...overrides,
  };
}

export function sampleKnownCertification(
  overrides: Partial<KnownCertification> = {},
): KnownCertification {
  return {
    id: 'cert-tp-cda',
    code: 'TP-CDA',
    title: 'Concepteur développeur d’applications',
    published: true,
    registeredFrom: null,
    registeredUntil: null,
    revisesId: null,
    revisedById: null,
    vaeMinimumExperienceYears: 1,
    pathways: [...PATHWAYS],
    version: 2,
    ...overrides,
  };
}

export function sampleEnrollment(overrides: Partial<Enrollment> = {}): Enrollment {
  return {
    id: 'e-0001',
    candidateId: 'c-0001',
    certificationId: 'cert-tp-cda',
    pathway: 'CONTINUOUS_TRAINING',
    startedOn: '2025-01-06',
    trainingCenter: 'AFPA Lyon',
    status: 'OPEN',
    enrolledAt: new Date('2025-01-06T09:00:00Z'),
    vaeAdmissibility: null,
    ...overrides,
  };
}

/** The InvalidInput a piece of work throws; fails the test when it throws nothing. */
export function refusalOf(work: () => unknown): InvalidInput {
  try {
    work();
  } catch (error) {
    if (error instanceof InvalidInput) return error;
    throw error;
  }
  throw new Error('expected a refusal, got none');
}
