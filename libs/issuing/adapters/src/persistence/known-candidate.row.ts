import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The holder's identity from candidates.candidate.v1; the pseudonym once erased (R13). */
@Entity('known_candidate')
export class KnownCandidateRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  firstName!: string;

  @Column({ type: 'varchar', length: 200 })
  lastName!: string;

  /** Printed on the parchemin; null when unknown or erased (R13). */
  @Column({ type: 'date', nullable: true })
  birthDate!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  erasedAt!: string | null;

  @Column({ type: 'int' })
  version!: number;
}
