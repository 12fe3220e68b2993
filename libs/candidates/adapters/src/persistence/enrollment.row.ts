import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { LocalDate } from '@certif/platform-calendar';

/** Table `enrollment`: a candidate's pathway to a certification, with its VAE notice (R6). */
@Entity('enrollment')
@Index('ix_enrollment_candidate', ['candidateId'])
export class EnrollmentRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  candidateId!: string;

  /** A certification id of referentials (no foreign key: another service's data). */
  @Column({ type: 'varchar', length: 36 })
  certificationId!: string;

  @Column({ type: 'varchar', length: 40 })
  pathway!: string;

  @Column({ type: 'date' })
  startedOn!: LocalDate;

  @Column({ type: 'varchar', length: 200, nullable: true })
  trainingCenter!: string | null;

  @Column({ type: 'varchar', length: 20 })
  status!: string;

  @Column({ type: 'datetime', precision: 3 })
  enrolledAt!: Date;

  @Column({ type: 'varchar', length: 100, nullable: true })
  vaeNoticeNumber!: string | null;

  @Column({ type: 'date', nullable: true })
  vaeIssuedOn!: LocalDate | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  vaeIssuedBy!: string | null;

  @Column({ type: 'double', nullable: true })
  vaeExperienceYears!: number | null;

  /** The certification's minimum when the notice was recorded (R6). */
  @Column({ type: 'double', nullable: true })
  vaeRequiredExperienceYears!: number | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  vaeRecordedAt!: Date | null;
}
