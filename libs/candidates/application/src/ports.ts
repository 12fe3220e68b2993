import type { Clock } from '@certif/platform-calendar';
import type { Candidate, Enrollment, KnownCertification } from '@certif/candidates-domain';

/** Keyset position in the list ordered by last name, first name (normalised), then id. */
export interface CandidateSortKey {
  lastName: string;
  firstName: string;
  id: string;
}

export interface CandidateQuery {
  /** Words that must all appear in the names; case and accents do not matter. */
  search: string | null;
  first: number;
  after: CandidateSortKey | null;
}

export interface Page<T> {
  items: T[];
  totalCount: number;
  hasNextPage: boolean;
}

export interface CandidateReader {
  findById(id: string): Promise<Candidate | null>;
  /** One query for many ids (entity references); order not guaranteed. */
  findByIds(ids: readonly string[]): Promise<Candidate[]>;
  search(query: CandidateQuery): Promise<Page<Candidate>>;
  /** Enrolments of many candidates in one query, oldest first. */
  enrollmentsOf(candidateIds: readonly string[]): Promise<Enrollment[]>;
  findEnrollmentsByIds(ids: readonly string[]): Promise<Enrollment[]>;
}

/** Writes, inside a transaction. */
export interface CandidateRepository {
  /**
   * Reads the candidate and holds its row until the transaction ends (MySQL), so that changes of
   * one candidate — two enrolments in a race — happen one after the other.
   */
  lock(id: string): Promise<Candidate | null>;
  insert(candidate: Candidate): Promise<void>;
  /** Optimistic: refuses when `version - 1` is no longer the stored version. */
  update(candidate: Candidate): Promise<void>;
  enrollmentsOf(candidateId: string): Promise<Enrollment[]>;
  /** Reads the enrolment's latest committed state and holds its row (MySQL), like `lock`. */
  lockEnrollment(id: string): Promise<Enrollment | null>;
  insertEnrollment(enrollment: Enrollment): Promise<void>;
  updateEnrollment(enrollment: Enrollment): Promise<void>;
}

/** The local read model of certifications, fed by referentials.certification.v1. */
export interface KnownCertificationReader {
  findById(id: string): Promise<KnownCertification | null>;
  findByIds(ids: readonly string[]): Promise<KnownCertification[]>;
}

export interface KnownCertificationStore extends KnownCertificationReader {
  /** Stores the state unless a state of the same or a higher version is there: true if stored. */
  saveIfNewer(certification: KnownCertification): Promise<boolean>;
}

/**
 * Which exam centres each candidate is registered in: the read model of sessions.registration.v1,
 * for the personal-data rule (candidate-access.ts).
 */
export interface CandidateCentersReader {
  centersOf(candidateIds: readonly string[]): Promise<Map<string, string[]>>;
}

/** A candidate's registration in an exam centre, as sessions.registration.v1 tells it. */
export interface CandidateCenter {
  registrationId: string;
  candidateId: string;
  center: string;
}

export interface CandidateCentersStore extends CandidateCentersReader {
  /** Idempotent: a registration recorded twice is kept once. */
  record(registration: CandidateCenter): Promise<void>;
}

export type CandidateChange = 'REGISTERED' | 'ENROLLED' | 'VAE_ADMISSIBILITY_RECORDED' | 'ERASED';

/** candidates.candidate.v1: the candidate's current state, in the transaction of the change. */
export interface CandidateEvents {
  changed(
    candidate: Candidate,
    enrollments: readonly Enrollment[],
    change: CandidateChange,
  ): Promise<void>;
}

export interface CandidatesTransaction {
  candidates: CandidateRepository;
  certifications: KnownCertificationReader;
  events: CandidateEvents;
}

/** Everything a use case writes commits together, events included, or nothing does. */
export interface CandidatesUnitOfWork {
  reader: CandidateReader;
  certifications: KnownCertificationReader;
  transaction<T>(work: (tx: CandidatesTransaction) => Promise<T>): Promise<T>;
}

export interface CandidatesDependencies {
  unitOfWork: CandidatesUnitOfWork;
  clock: Clock;
  newId: () => string;
}

/** Whose data is exported: the signed-in candidate. */
export interface PersonalDataSubject {
  candidateId: string;
  /** The token's subject, for sources that key their data by user rather than by candidate. */
  sub: string;
}

/**
 * One source of personal data in the GDPR export (R13, access right). The candidates service
 * contributes its own section; another part of the platform (issuing's livrets and parchemins)
 * is added by giving the export one more contributor, without changing the use case.
 */
export interface PersonalDataContributor {
  /** The section's name in the export, e.g. "candidates". */
  readonly source: string;
  /** Everything this source holds on the subject, as plain JSON; null when it holds nothing. */
  collect(subject: PersonalDataSubject): Promise<Record<string, unknown> | null>;
}
