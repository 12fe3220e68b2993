import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Table `registration`: a candidate sits a session once, whichever enrolment registered them. */
@Entity('registration')
@Index('uq_registration_session_candidate', ['sessionId', 'candidateId'], { unique: true })
export class RegistrationRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  sessionId!: string;

  @Column({ type: 'varchar', length: 36 })
  enrollmentId!: string;

  @Column({ type: 'varchar', length: 36 })
  candidateId!: string;

  @Column({ type: 'varchar', length: 36 })
  certificationId!: string;

  @Column({ type: 'datetime', precision: 3 })
  registeredAt!: Date;
}
