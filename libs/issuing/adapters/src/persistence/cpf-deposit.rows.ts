import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A deposit file sent to the Caisse des Dépôts (`flux`), one certifier's passages. */
@Entity('cpf_batch')
@Index('ix_cpf_batch_created', ['createdAt'])
export class CpfBatchRow {
  /** The file's `idFlux` (≤ 50 characters). */
  @PrimaryColumn({ type: 'varchar', length: 50 })
  idFlux!: string;

  @Column({ type: 'varchar', length: 300 })
  certifierName!: string;

  @Column({ type: 'varchar', length: 14, nullable: true })
  certifierSiret!: string | null;

  @Column({ type: 'varchar', length: 8 })
  cpfClientId!: string;

  @Column({ type: 'varchar', length: 20 })
  cpfContractId!: string;

  @Column({ type: 'varchar', length: 120 })
  fileName!: string;

  @Column({ type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ type: 'int' })
  passageCount!: number;
}

/**
 * A parchemin sent in a batch: SENT until the processing report says ACCEPTED or REJECTED (with
 * its message). A parchemin is pending while none of its passages is SENT or ACCEPTED.
 */
@Entity('cpf_passage')
@Index('ix_cpf_passage_credential', ['credentialId', 'status'])
@Index('ix_cpf_passage_id_technique', ['idTechnique', 'status'])
@Index('ix_cpf_passage_status', ['status'])
export class CpfPassageRow {
  @PrimaryColumn({ type: 'varchar', length: 50 })
  idFlux!: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  credentialId!: string;

  /** The parchemin's number, as the report names it. */
  @Column({ type: 'varchar', length: 80 })
  idTechnique!: string;

  @Column({ type: 'varchar', length: 10 })
  status!: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  message!: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  processedAt!: Date | null;
}
