import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { LocalDate } from '@certif/platform-calendar';

/**
 * Table `jury_decision`: never deleted, and what a decision decided is never updated (R9); a
 * correction is a new row (`sequence` + 1, `supersedesId`) and the only change to the old one is
 * `supersededById`. The unique (registration, sequence) index refuses a second deliberation, and
 * two concurrent corrections of one decision, whatever the race.
 */
@Entity('jury_decision')
@Index('uq_jury_decision_registration_sequence', ['registrationId', 'sequence'], { unique: true })
@Index('ix_jury_decision_candidate', ['candidateId', 'certificationId'])
export class JuryDecisionRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  registrationId!: string;

  @Column({ type: 'varchar', length: 36 })
  sessionId!: string;

  @Column({ type: 'varchar', length: 36 })
  candidateId!: string;

  @Column({ type: 'varchar', length: 36 })
  enrollmentId!: string;

  @Column({ type: 'varchar', length: 36 })
  certificationId!: string;

  @Column({ type: 'varchar', length: 20 })
  outcome!: string;

  @Column({ type: 'simple-json' })
  awardedComponentIds!: string[];

  @Column({ type: 'boolean', nullable: true })
  finalInterviewPassed!: boolean | null;

  @Column({ type: 'date' })
  decidedOn!: LocalDate;

  @Column({ type: 'datetime', precision: 3 })
  recordedAt!: Date;

  @Column({ type: 'varchar', length: 100 })
  recordedBy!: string;

  /** 1 for the deliberation's decision; each correction the next. */
  @Column({ type: 'int', default: 1 })
  sequence!: number;

  @Column({ type: 'varchar', length: 36, nullable: true })
  supersedesId!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  supersededById!: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  correctionReason!: string | null;

  @Column({ type: 'date', nullable: true })
  correctedOn!: LocalDate | null;
}
