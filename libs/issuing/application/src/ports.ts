import type { Clock, LocalDate } from '@certif/platform-calendar';
import type {
  CertificationVersion,
  ComponentAcquisition,
  CpfCertification,
  CpfCertifier,
  CpfHolder,
  CpfPassage,
  DecisionCorrection,
  Lineage,
  LivretStatus,
  Parchemin,
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

/** The register's fields are those the deposit sends (CpfHolder). */
export interface HolderRegisterData extends Pick<
  CpfHolder,
  'birthDate' | 'sex' | 'birthName' | 'birthPlace'
> {
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
  /** Throws a Conflict (concurrentChange) when another transaction created it meanwhile. */
  insert(livret: StoredLivret): Promise<void>;
  /** Throws a Conflict (concurrentChange) when `version - 1` is no longer the stored version. */
  update(livret: StoredLivret): Promise<void>;
}

export interface ParcheminRepository {
  findById(id: string): Promise<Parchemin | null>;
  findByIds(ids: readonly string[]): Promise<Parchemin[]>;
  findByVerificationCode(code: string): Promise<Parchemin | null>;
  findByCandidates(candidateIds: readonly string[]): Promise<Parchemin[]>;
  /**
   * The next number of a sequence (`TP-CDA-2026`): unique, growing, safe when transactions race,
   * and not necessarily contiguous (ADR 0019: a number taken by an issuance that rolled back is
   * not given again).
   */
  nextSequence(prefix: string): Promise<number>;
  /** Throws a Conflict (concurrentChange) when a VALID parchemin for (candidate, lineage, CCS) exists. */
  insert(parchemin: Parchemin): Promise<void>;
  /** The numbers of the revoked parchemins numbered `<prefix>-…` (a status list's). */
  revokedNumbers(prefix: string): Promise<string[]>;
  /** VALID → REVOKED; false when it was no longer VALID. The row is kept, never deleted. */
  revoke(parchemin: Parchemin): Promise<boolean>;
}

export interface IssuingStores {
  certifications: CertificationReadModel;
  candidates: CandidateDirectory;
  facts: FactStore;
  livrets: LivretRepository;
  parchemins: ParcheminRepository;
}

/** issuing.credential.v1, written in the transaction of the change. */
export interface IssuingEvents {
  issued(parchemin: Parchemin): Promise<void>;
  revoked(parchemin: Parchemin): Promise<void>;
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

/**
 * Everything a use case writes commits together, events included, or nothing does. A use case run
 * for an event joins the consumer's transaction (which also records the event as handled): the
 * adapter binds it, the use case does not know.
 */
export interface IssuingUnitOfWork {
  reader: IssuingStores;
  transaction<T>(work: (tx: IssuingTransaction) => Promise<T>): Promise<T>;
}

/** Where a person finds documents and the verification page. */
export interface IssuingLinks {
  verification(code: string): string;
  parcheminPdf(id: string): string;
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

// Documents: the parchemin and the livret as PDFs, the parchemin as a verifiable credential.

/** What a parchemin document shows. `holderName` is the pseudonym once erased (R13). */
export interface ParcheminDocument {
  parchemin: Parchemin;
  title: string;
  holderName: string | null;
  /** Under the name, as on a diploma; null when unknown or erased (R13). */
  holderBirthDate: LocalDate | null;
  authority: string;
  verificationUrl: string;
  /** Where its revocation bit is published (Bitstring Status List), for offline checks. */
  statusList: { url: string; index: number };
}

/** A Bitstring Status List of revocations: the parchemins numbered `<list>-…`. */
export interface RevocationStatusList {
  list: string;
  url: string;
  /** The sequences of the revoked ones. */
  revokedIndexes: number[];
}

export interface LivretDocument {
  livretId: string;
  holderName: string | null;
  certification: ParcheminContent['certification'];
  status: LivretStatus;
  capitalizationDeadline: LocalDate | null;
  /** With the exam session each component was acquired at, when known. */
  acquired: (ParcheminContent['components'][number] & { sessionId: string | null })[];
  missing: { code: string; title: string }[];
  authority: string;
  generatedOn: LocalDate;
}

export interface DocumentRenderer {
  parchemin(document: ParcheminDocument): Promise<Buffer>;
  livret(document: LivretDocument): Promise<Buffer>;
}

/** Signs a parchemin as a verifiable credential (Open Badges 3.0 / VC 2.0, VC-JOSE). */
export interface CredentialSigner {
  sign(document: ParcheminDocument): Promise<string>;
  /** The status list as a credential signed by the same key (BitstringStatusListCredential). */
  signStatusList(statusList: RevocationStatusList): Promise<string>;
}

// The deposit with the Caisse des Dépôts (CPF).

/** A VALID parchemin never accepted by the Caisse des Dépôts and not awaiting its report. */
export interface CpfPendingParchemin {
  parcheminId: string;
  number: string;
  candidateId: string;
  certificationId: string;
  obtainedOn: LocalDate;
  content: ParcheminContent;
}

/** A deposit file (`flux`): one certifier's passages, identified by `idFlux`. */
export interface CpfBatch {
  idFlux: string;
  certifier: { name: string; siret: string | null; cpfClientId: string; cpfContractId: string };
  fileName: string;
  createdAt: Date;
  passageCount: number;
}

export type CpfPassageStatus = 'SENT' | 'ACCEPTED' | 'REJECTED';

export interface CpfBatchSummary extends CpfBatch {
  accepted: number;
  rejected: number;
  awaitingReport: number;
}

export interface CpfOverdueParchemin {
  number: string;
  candidateId: string;
  obtainedOn: LocalDate;
  /** Null when never sent; the Caisse des Dépôts' message when last rejected. */
  lastStatus: CpfPassageStatus | null;
  lastError: string | null;
}

/** A parchemin revoked after the Caisse des Dépôts accepted it: to be withdrawn. */
export interface CpfWithdrawal {
  number: string;
  candidateId: string;
  idFlux: string;
  revokedAt: Date | null;
  revocationReason: string | null;
}

export interface CpfCounts {
  /** VALID parchemins of the given versions not yet accepted (awaiting a report included). */
  pending: number;
  /** Of those, obtained before the given day (past the three months). */
  overdue: number;
  awaitingReport: number;
}

export type CpfOutcomeApplied = 'ACCEPTED' | 'REJECTED' | 'ALREADY_APPLIED' | 'UNKNOWN';

/** The deposits' records: batches and passages, beside issuing's parchemins. */
export interface CpfDepositStore {
  /** Versions with pending parchemins, with how many (titles and CCS). */
  pendingByCertification(): Promise<{ certificationId: string; count: number }[]>;
  /** Versions with VALID parchemins (whatever their deposit). */
  certificationsWithValidParchemins(): Promise<string[]>;
  /** Pending parchemins of these versions, ordered by parchemin id, after `afterId`. */
  pendingParchemins(
    certificationIds: readonly string[],
    afterId: string | null,
    limit: number,
  ): Promise<CpfPendingParchemin[]>;
  /** The batch and its passages (SENT) at once, or nothing. */
  recordBatch(
    batch: CpfBatch,
    passages: { parcheminId: string; idTechnique: string }[],
  ): Promise<void>;
  /** The passage of that number awaiting its report takes the outcome. */
  applyOutcome(
    idTechnique: string,
    outcome: { accepted: boolean; message: string | null },
    at: Date,
  ): Promise<CpfOutcomeApplied>;
  counts(titleCertificationIds: readonly string[], overdueBefore: LocalDate): Promise<CpfCounts>;
  batches(limit: number): Promise<CpfBatchSummary[]>;
  overdue(
    titleCertificationIds: readonly string[],
    overdueBefore: LocalDate,
    limit: number,
  ): Promise<CpfOverdueParchemin[]>;
  withdrawals(limit: number): Promise<CpfWithdrawal[]>;
}

export interface CpfFluxHeader {
  idFlux: string;
  /** With an explicit offset, e.g. 2026-11-30T21:49:00+00:00. */
  horodatage: string;
  certifier: { cpfClientId: string; cpfContractId: string };
}

/** Streams one deposit file; `keep` makes it visible only once the batch is recorded. */
export interface CpfFluxWriter {
  certification(certification: CpfCertification): Promise<void>;
  passage(passage: CpfPassage): Promise<void>;
  /** Closes the document and flushes it. */
  finish(): Promise<void>;
  /** The finished file under its final name; returns its path. */
  keep(): Promise<string>;
  /** Removes whatever was written. */
  abort(): Promise<void>;
}

export interface CpfFluxOutput {
  open(header: CpfFluxHeader, fileName: string): CpfFluxWriter;
}

export type { CpfCertifier };
