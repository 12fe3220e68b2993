import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Table `jury_decision`: written once, never updated nor deleted (R9). One decision per
 * registration: the unique index refuses a second deliberation whatever the race.
 */
@Entity('jury_decision')
@Index('uq_jury_decision_registration', ['registrationId'], { unique: true })
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
  decidedOn!: string;

  @Column({ type: 'datetime', precision: 3 })
  recordedAt!: Date;

  @Column({ type: 'varchar', length: 100 })
  recordedBy!: string;
}
