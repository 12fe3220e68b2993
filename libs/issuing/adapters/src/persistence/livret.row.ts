import { Column, Entity, Index } from 'typeorm';
import type { LocalDate } from '@certif/platform-calendar';
import { CandidateLineageColumns } from './candidate-lineage.columns';

/**
 * One livret per candidate and lineage: its stable id, and what was last published about it.
 * Its content is computed from the facts whenever it is read.
 */
@Entity('livret')
@Index('uq_livret_candidate_lineage', ['candidateId', 'lineageRootId'], { unique: true })
@Index('ix_livret_lapse', ['status', 'lapsesAfter'])
export class LivretRow extends CandidateLineageColumns {
  @Column({ type: 'varchar', length: 20 })
  status!: string;

  @Column({ type: 'date', nullable: true })
  capitalizationDeadline!: LocalDate | null;

  @Column({ type: 'date', nullable: true })
  lapsesAfter!: LocalDate | null;

  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
