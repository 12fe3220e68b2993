import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { LocalDate } from '@certif/platform-calendar';
import type { ParcheminContent } from '@certif/issuing-domain';
import { CandidateLineageColumns } from './candidate-lineage.columns';

/**
 * A parchemin; the table and the row keep the public name `credential` (ADR 0017). At most one
 * VALID per candidate, lineage and CCS ('' for the title itself): the unique index on `validKey`
 * (NULL once revoked, and NULLs never collide) refuses a second one whatever the race or replay,
 * and lets a correction revoke one and issue another (R9). Never deleted: revocation keeps it.
 */
@Entity('credential')
@Index('uq_credential_number', ['number'], { unique: true })
@Index('uq_credential_verification_code', ['verificationCode'], { unique: true })
@Index('uq_credential_one_valid', ['candidateId', 'lineageRootId', 'validKey'], { unique: true })
export class CredentialRow extends CandidateLineageColumns {
  @Column({ type: 'varchar', length: 80 })
  number!: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  specializationId!: string | null;

  @Column({ type: 'varchar', length: 40 })
  specializationKey!: string;

  /** `specializationKey` while VALID, NULL once revoked: the key of the one-VALID index. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  validKey!: string | null;

  @Column({ type: 'varchar', length: 64 })
  verificationCode!: string;

  @Column({ type: 'date' })
  issuedOn!: LocalDate;

  /** The date of the jury decision that completed the title: what the parchemin states. */
  @Column({ type: 'date' })
  obtainedOn!: LocalDate;

  @Column({ type: 'datetime', precision: 3 })
  issuedAt!: Date;

  @Column({ type: 'varchar', length: 10 })
  status!: string;

  /** What the parchemin states, fixed at issue (certification, CCS, components with dates). */
  @Column({ type: 'simple-json' })
  content!: ParcheminContent;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  revokedAt!: Date | null;

  /** The `sub` of who revoked it. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  revokedBy!: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  revocationReason!: string | null;

  /** The correcting decision, when a correction of the jury decision revoked it (R9). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  revokingDecisionId!: string | null;
}

/** Per number prefix (`TP-CDA-2026`), the last sequence number given. */
@Entity('credential_counter')
export class CredentialCounterRow {
  @PrimaryColumn({ type: 'varchar', length: 80 })
  prefix!: string;

  @Column({ type: 'int' })
  lastValue!: number;
}
