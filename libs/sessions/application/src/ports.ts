import type { Clock } from '@certif/platform-calendar';
import type { EventPayload } from '@certif/platform-events';
import type {
  candidateRegisteredToSession,
  ccpAcquired,
  decisionCorrected,
  titleAwarded,
} from '@certif/sessions-contracts';
import type {
  CandidateView,
  CertificationView,
  EnrollmentView,
  ExamSession,
  Juror,
  JuryDecision,
  ParcheminView,
  Registration,
} from '@certif/sessions-domain';

export interface SessionRepository {
  findByIds(ids: readonly string[]): Promise<ExamSession[]>;
  insert(session: ExamSession): Promise<void>;
  /**
   * Reads the session and locks its row until the transaction ends, so that registrations and
   * deliberations of one session run one after the other. Call it first in the transaction.
   */
  lock(id: string): Promise<ExamSession | null>;
  /** Optimistic: refuses when `version - 1` is no longer the stored version. */
  update(session: ExamSession): Promise<void>;
}

export interface JurorRepository {
  findBySessions(sessionIds: readonly string[]): Promise<Juror[]>;
  /** Refuses a second seat for one userId with an InvalidInput, whatever the race. */
  insert(juror: Juror): Promise<void>;
}

export interface RegistrationRepository {
  findBySessions(sessionIds: readonly string[]): Promise<Registration[]>;
  findByIds(ids: readonly string[]): Promise<Registration[]>;
  /** Refuses a second registration of one candidate to one session, whatever the race. */
  insert(registration: Registration): Promise<void>;
}

export interface DecisionRepository {
  /** Every decision of these registrations, superseded ones included (R9). */
  findByRegistrations(registrationIds: readonly string[]): Promise<JuryDecision[]>;
  /** In a bounded number of statements, whatever the count. Refuses a second decision of a registration. */
  insertMany(decisions: readonly JuryDecision[]): Promise<void>;
  /**
   * Records a correction: inserts it and marks `supersededId` as superseded by it (nothing else
   * of that decision changes). Refuses, whatever the race, a decision corrected twice.
   */
  insertCorrection(supersededId: string, correction: JuryDecision): Promise<void>;
  /** Components a candidate was awarded by decisions still standing (not superseded) in sessions of these certifications (R5). */
  heldComponentIds(candidateId: string, certificationIds: readonly string[]): Promise<string[]>;
}

/** What the other contexts published, as this service keeps it. */
export interface ReadModelReader {
  certificationsByIds(ids: readonly string[]): Promise<CertificationView[]>;
  enrollmentById(id: string): Promise<EnrollmentView | null>;
  candidatesByIds(ids: readonly string[]): Promise<CandidateView[]>;
  parcheminsOf(candidateId: string): Promise<ParcheminView[]>;
}

/** What an inbound event did to a read model: stored, or older than what is kept. */
export type Projection = 'applied' | 'stale';

/** Written only by the event handlers, in the transaction that records the event as handled. */
export interface ReadModelWriter extends ReadModelReader {
  saveCertification(view: CertificationView): Promise<void>;
  saveCandidate(candidate: CandidateView, enrollments: readonly EnrollmentView[]): Promise<void>;
  parcheminById(id: string): Promise<ParcheminView | null>;
  saveParchemin(parchemin: ParcheminView): Promise<void>;
}

export type CcpAcquired = EventPayload<typeof ccpAcquired>;
export type TitleAwarded = EventPayload<typeof titleAwarded>;
export type DecisionCorrected = EventPayload<typeof decisionCorrected>;

/** sessions.ccp-acquired.v1 and sessions.title-awarded.v1, in the deliberation's transaction. */
export interface DeliberationEvents {
  publish(acquired: readonly CcpAcquired[], titles: readonly TitleAwarded[]): Promise<void>;
  /** sessions.decision-corrected.v1, in the correction's transaction. */
  corrected(correction: DecisionCorrected): Promise<void>;
}

export type CandidateRegisteredToSession = EventPayload<typeof candidateRegisteredToSession>;

/** sessions.registration.v1, in the registration's transaction. */
export interface RegistrationEvents {
  registered(event: CandidateRegisteredToSession): Promise<void>;
}

export interface SessionsStore {
  sessions: SessionRepository;
  jurors: JurorRepository;
  registrations: RegistrationRepository;
  decisions: DecisionRepository;
  readModels: ReadModelReader;
}

export interface SessionsTransaction extends SessionsStore {
  events: DeliberationEvents & RegistrationEvents;
}

/** Everything a use case writes commits together, events included, or nothing does. */
export interface SessionsUnitOfWork {
  reader: SessionsStore;
  transaction<T>(work: (tx: SessionsTransaction) => Promise<T>): Promise<T>;
}

export interface SessionsDependencies {
  unitOfWork: SessionsUnitOfWork;
  clock: Clock;
  newId: () => string;
}
