import type { LocalDate } from '@certif/platform-calendar';
import type {
  CpfCertification,
  CpfCertifier,
  CpfPassage,
  ParcheminContent,
} from '@certif/issuing-domain';

/** A VALID parchemin never accepted by the Caisse des Dépôts and not awaiting its report. */
export interface CpfPendingParchemin {
  credentialId: string;
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

/** The deposits' records: batches and passages, beside issuing's credentials. */
export interface CpfDepositStore {
  /** Versions with pending parchemins, with how many (titles and CCS). */
  pendingByCertification(): Promise<{ certificationId: string; count: number }[]>;
  /** Versions with VALID parchemins (whatever their deposit). */
  certificationsWithValidParchemins(): Promise<string[]>;
  /** Pending parchemins of these versions, ordered by credential id, after `afterId`. */
  pendingParchemins(
    certificationIds: readonly string[],
    afterId: string | null,
    limit: number,
  ): Promise<CpfPendingParchemin[]>;
  /** The batch and its passages (SENT) at once, or nothing. */
  recordBatch(
    batch: CpfBatch,
    passages: { credentialId: string; idTechnique: string }[],
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
