import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Table `candidate`: one row per candidate. Mapped by candidate.mapper. */
@Entity('candidate')
@Index('ix_candidate_order', ['sortLastName', 'sortFirstName', 'id'])
export class CandidateRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 100 })
  firstName!: string;

  @Column({ type: 'varchar', length: 100 })
  lastName!: string;

  @Column({ type: 'date', nullable: true })
  birthDate!: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  /** R10: a short list of plain texts, never published; cleared on erasure. */
  @Column({ type: 'simple-json' })
  accommodations!: string[];

  /** Last and first names without case or accents, for `search`; empty once erased (R13). */
  @Column({ type: 'varchar', length: 210 })
  searchText!: string;

  /** The list order: names without case or accents, then id (keyset pagination). */
  @Column({ type: 'varchar', length: 100 })
  sortLastName!: string;

  @Column({ type: 'varchar', length: 100 })
  sortFirstName!: string;

  @Column({ type: 'datetime', precision: 3 })
  registeredAt!: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  erasedAt!: Date | null;

  @Column({ type: 'int' })
  version!: number;
}
