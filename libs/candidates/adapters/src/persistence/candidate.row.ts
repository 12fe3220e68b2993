import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { LocalDate } from '@certif/platform-calendar';

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
  birthDate!: LocalDate | null;

  /** F or M (the national holders' register); cleared on erasure like the birth date. */
  @Column({ type: 'varchar', length: 1, nullable: true })
  sex!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  birthName!: string | null;

  @Column({ type: 'varchar', length: 5, nullable: true })
  birthInseeCode!: string | null;

  @Column({ type: 'varchar', length: 9, nullable: true })
  birthPostalCode!: string | null;

  @Column({ type: 'varchar', length: 60, nullable: true })
  birthCity!: string | null;

  @Column({ type: 'varchar', length: 3, nullable: true })
  birthCountryCode!: string | null;

  @Column({ type: 'varchar', length: 60, nullable: true })
  birthCountry!: string | null;

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
