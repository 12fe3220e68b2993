import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { LocalDate } from '@certif/platform-calendar';

/** Table `exam_session`. Mapped by sessions.mapper. */
@Entity('exam_session')
@Index('ix_exam_session_certification', ['certificationId'])
export class ExamSessionRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  certificationId!: string;

  @Column({ type: 'varchar', length: 20 })
  scope!: string;

  @Column({ type: 'simple-json' })
  componentIds!: string[];

  @Column({ type: 'varchar', length: 36, nullable: true })
  specializationId!: string | null;

  @Column({ type: 'varchar', length: 200 })
  center!: string;

  @Column({ type: 'date' })
  startsOn!: LocalDate;

  @Column({ type: 'date' })
  endsOn!: LocalDate;

  @Column({ type: 'int', nullable: true })
  capacity!: number | null;

  @Column({ type: 'varchar', length: 20 })
  status!: string;

  @Column({ type: 'datetime', precision: 3 })
  plannedAt!: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  deliberatedAt!: Date | null;

  @Column({ type: 'int' })
  version!: number;
}
