import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { LocalDate } from '@certif/platform-calendar';

/** What every fact carries: whose it is, of which version, and when issuing recorded it. */
abstract class FactColumns {
  @Column({ type: 'varchar', length: 36 })
  candidateId!: string;

  @Column({ type: 'varchar', length: 36 })
  certificationId!: string;

  @Column({ type: 'datetime', precision: 3 })
  recordedAt!: Date;
}

/** A fact of a jury decision taken at an exam session (unknown for one taken over). */
abstract class SessionFactColumns extends FactColumns {
  @Column({ type: 'varchar', length: 36, nullable: true })
  sessionId!: string | null;
}

/** sessions.ccp-acquired.v1, one row per (decision, component): a replay finds it there. */
@Entity('acquired_component')
@Index('ix_acquired_component_candidate', ['candidateId'])
@Index('ix_acquired_component_certification', ['certificationId'])
export class AcquiredComponentRow extends SessionFactColumns {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  decisionId!: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  componentId!: string;

  @Column({ type: 'date' })
  acquiredOn!: LocalDate;
}

/**
 * sessions.decision-corrected.v1, one row per correcting decision (R9): the facts of
 * `supersededDecisionId` no longer count, whenever they arrive.
 */
@Entity('decision_correction')
@Index('ix_decision_correction_candidate', ['candidateId'])
@Index('ix_decision_correction_certification', ['certificationId'])
export class DecisionCorrectionRow extends FactColumns {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  decisionId!: string;

  @Column({ type: 'varchar', length: 36 })
  supersededDecisionId!: string;

  @Column({ type: 'date' })
  decidedOn!: LocalDate;

  @Column({ type: 'date' })
  correctedOn!: LocalDate;

  @Column({ type: 'varchar', length: 1000 })
  reason!: string;
}

/** sessions.title-awarded.v1, one row per decision. */
@Entity('title_decision')
@Index('ix_title_decision_candidate', ['candidateId'])
@Index('ix_title_decision_certification', ['certificationId'])
export class TitleDecisionRow extends SessionFactColumns {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  decisionId!: string;

  @Column({ type: 'date' })
  decidedOn!: LocalDate;

  @Column({ type: 'varchar', length: 30 })
  outcome!: string;

  @Column({ type: 'boolean' })
  finalInterviewPassed!: boolean;

  @Column({ type: 'varchar', length: 20 })
  scope!: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  specializationId!: string | null;
}
