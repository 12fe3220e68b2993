import type { Clock, LocalDate } from '@certif/platform-calendar';
import type {
  CertificationVersion,
  ComponentAcquisition,
  CredentialStatus,
  DecisionCorrection,
  Lineage,
  LivretStatus,
  ParcheminContent,
  TitleDecision,
} from '@certif/issuing-domain';

/** candidates.candidate.v1, as issuing keeps it: names for documents, replaced on erasure (R13). */
export interface CandidateIdentity {
  id: string;
  firstName: string;
  lastName: string;
  /** Printed on the parchemin under the name; none once erased (R13). */
  birthDate: LocalDate | null;
  /** Set once erased: the names are then the pseudonym. */
  erasedAt: string | null;
  version: number;
  /**
   * What the national holders' register needs for the deposit with the Caisse des Dépôts;
   * cleared with the identity on erasure. Absent: not known (nothing is changed).
   */
  register?: HolderRegisterData;
}

export interface HolderRegisterData {
  birthDate: LocalDate | null;
  sex: 'F' | 'M' | null;
  birthName: string | null;
  birthPlace: {
    inseeCode: string | null;
    postalCode: string | null;
    city: string | null;
    countryCode: string | null;
    country: string | null;
  } | null;
  /** The holder's enrolments: the pathway gives the deposit's access mode. */
  enrollments: { certificationId: string; pathway: string }[];
}

export interface StoredLivret {
  id: string;
  candidateId: string;
  lineageRootId: string;
  /** The current version when last recomputed. */
  certificationId: string;
  /** The status last published. */
  status: LivretStatus;
  capitalizationDeadline: LocalDate | null;
  lapsesAfter: LocalDate | null;
  /** Optimistic concurrency. */
  version: number;
}

export interface StoredCredential {
  id: string;
  number: string;
  candidateId: string;
  lineageRootId: string;
  certificationId: string;
  specializationId: string | null;
  /** '' for the title, the CCS code for a CCS: with candidate and lineage, unique (one parchemin). */
  specializationKey: string;
  verificationCode: string;
  issuedOn: LocalDate;
  /** The date of the jury decision that completed the title (or awarded the CCS). */
  obtainedOn: LocalDate;
  issuedAt: Date;
  status: CredentialStatus;
  content: ParcheminContent;
  revokedAt: Date | null;
  revokedBy: string | null;
  revocationReason: string | null;
  /**
   * Set when a correction of the jury decision withdrew the title (R9): the correcting decision.
   * Such a parchemin does not stand in the way of a new one if the title is earned again; one a
   * person revoked does (never re-issued automatically).
   */
  revokingDecisionId: string | null;
}

export interface CandidateFacts {
  acquisitions: (ComponentAcquisition & { candidateId: string })[];
  decisions: (TitleDecision & { candidateId: string })[];
  corrections: (DecisionCorrection & { candidateId: string })[];
}

export interface CertificationReadModel {
  /** Keeps the highest version of each certification; false when `version` is not newer. */
  save(version: CertificationVersion): Promise<boolean>;
  /** The lineage of a known version; null when the version has not arrived yet. */
  lineageOf(certificationId: string): Promise<Lineage | null>;
  /** The lineages of several versions at once (those known), by version id: no query per id. */
  lineagesOf(certificationIds: readonly string[]): Promise<Map<string, Lineage>>;
}

export interface CandidateDirectory {
  /** Keeps the highest version; an erased identity is never replaced by a named one. */
  save(identity: CandidateIdentity): Promise<void>;
  findByIds(ids: readonly string[]): Promise<CandidateIdentity[]>;
  /**
   * Until the transaction ends, no other transaction handles a fact of these candidates (those
   * known): their facts arrive on two topics at once and would otherwise deadlock. Several are
   * locked in one order (a batch of events), whoever asks.
   */
  lockFacts(...candidateIds: readonly string[]): Promise<void>;
}

export interface FactStore {
  /** A fact already recorded (same decision and component) is left as it is. */
  addAcquisition(candidateId: string, acquisition: ComponentAcquisition): Promise<void>;
  addDecision(candidateId: string, decision: TitleDecision): Promise<void>;
  /** A correction already recorded (same correcting decision) is left as it is. */
  addCorrection(candidateId: string, correction: DecisionCorrection): Promise<void>;
  ofCandidates(candidateIds: readonly string[]): Promise<CandidateFacts>;
  candidatesWithFactsIn(certificationIds: readonly string[]): Promise<string[]>;
}

export interface LivretRepository {
  findById(id: string): Promise<StoredLivret | null>;
  findByIds(ids: readonly string[]): Promise<StoredLivret[]>;
  findByCandidates(candidateIds: readonly string[]): Promise<StoredLivret[]>;
  findOne(candidateId: string, lineageRootId: string): Promise<StoredLivret | null>;
  /** IN_PROGRESS livrets that lapse before `today` unless recomputed (the sweep's work). */
  findLapsingBefore(today: LocalDate, limit: number): Promise<StoredLivret[]>;
  /** Throws ConcurrentChange when another transaction created it meanwhile. */
  insert(livret: StoredLivret): Promise<void>;
  /** Throws ConcurrentChange when `version - 1` is no longer the stored version. */
  update(livret: StoredLivret): Promise<void>;
}

export interface CredentialRepository {
  findById(id: string): Promise<StoredCredential | null>;
  findByIds(ids: readonly string[]): Promise<StoredCredential[]>;
  findByVerificationCode(code: string): Promise<StoredCredential | null>;
  findByCandidates(candidateIds: readonly string[]): Promise<StoredCredential[]>;
  /**
   * The next number of a sequence (`TP-CDA-2026`): unique, growing, safe when transactions race,
   * and not necessarily contiguous (ADR 0016: a number taken by an issuance that rolled back is
   * not given again).
   */
  nextSequence(prefix: string): Promise<number>;
  /** Throws ConcurrentChange when a VALID parchemin for (candidate, lineage, CCS) exists. */
  insert(credential: StoredCredential): Promise<void>;
  /** The numbers of the revoked parchemins numbered `<prefix>-…` (a status list's). */
  revokedNumbers(prefix: string): Promise<string[]>;
  /** VALID → REVOKED; false when it was no longer VALID. The row is kept, never deleted. */
  revoke(credential: StoredCredential): Promise<boolean>;
}

export interface IssuingStores {
  certifications: CertificationReadModel;
  candidates: CandidateDirectory;
  facts: FactStore;
  livrets: LivretRepository;
  credentials: CredentialRepository;
}

/** issuing.credential.v1, written in the transaction of the change. */
export interface IssuingEvents {
  issued(credential: StoredCredential): Promise<void>;
  revoked(credential: StoredCredential): Promise<void>;
  livretStatusChanged(livret: StoredLivret): Promise<void>;
}

export interface IssuingTransaction extends IssuingStores {
  events: IssuingEvents;
  /**
   * Present when the transaction handles a batch of events (the consumer's): runs `work` once per
   * key after the batch's last event, before commit — one livret recomputation per candidate and
   * lineage per batch, not per event. Absent: the caller runs the work at once.
   */
  deferUntilBatchEnd?: (key: string, work: () => Promise<void>) => void;
}

/** Everything a use case writes commits together, events included, or nothing does. */
export interface IssuingUnitOfWork {
  reader: IssuingStores;
  transaction<T>(work: (tx: IssuingTransaction) => Promise<T>): Promise<T>;
}

/** Where a person finds documents and the verification page. */
export interface IssuingLinks {
  verification(code: string): string;
  credentialPdf(id: string): string;
  livretPdf(id: string): string;
  verifiableCredential(id: string): string;
  /** The signed Bitstring Status List of a number prefix (revocation, checked offline). */
  statusList(list: string): string;
}

export interface IssuingDependencies {
  unitOfWork: IssuingUnitOfWork;
  clock: Clock;
  newId: () => string;
  /** At least 128 random bits, in a form a person can type. */
  newVerificationCode: () => string;
  links: IssuingLinks;
}
