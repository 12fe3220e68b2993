import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { LocalDate } from '@certif/platform-calendar';
import type { CertificationView, EnrollmentView } from '@certif/sessions-domain';

/** Read model of referentials.certification.v1: the highest version of each certification. */
@Entity('rm_certification')
export class CertificationViewRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 40 })
  code!: string;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'varchar', length: 30 })
  kind!: string;

  @Column({ type: 'varchar', length: 20 })
  status!: string;

  @Column({ type: 'date', nullable: true })
  registeredFrom!: LocalDate | null;

  @Column({ type: 'date', nullable: true })
  registeredUntil!: LocalDate | null;

  @Column({ type: 'boolean' })
  requiresFinalInterview!: boolean;

  /** Null on rows received before referentials published jury rules: the kind's default. */
  @Column({ type: 'simple-json', nullable: true })
  juryRule!: CertificationView['juryRule'] | null;

  @Column({ type: 'simple-json' })
  components!: CertificationView['components'];

  @Column({ type: 'simple-json' })
  specializations!: CertificationView['specializations'];

  @Column({ type: 'varchar', length: 36, nullable: true })
  revisesId!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  revisedById!: string | null;

  @Column({ type: 'simple-json' })
  correspondences!: CertificationView['correspondences'];

  @Column({ type: 'int' })
  version!: number;
}

/** Read model of candidates.candidate.v1: identity as last published (the pseudonym once erased). */
@Entity('rm_candidate')
export class CandidateViewRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 300 })
  firstName!: string;

  @Column({ type: 'varchar', length: 300 })
  lastName!: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  erasedAt!: string | null;

  @Column({ type: 'int' })
  version!: number;
}

/** Read model of candidates.candidate.v1: enrolments, never removed. */
@Entity('rm_enrollment')
@Index('ix_rm_enrollment_candidate', ['candidateId'])
export class EnrollmentViewRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  candidateId!: string;

  @Column({ type: 'varchar', length: 36 })
  certificationId!: string;

  @Column({ type: 'varchar', length: 40 })
  pathway!: string;

  @Column({ type: 'date' })
  startedOn!: LocalDate;

  @Column({ type: 'varchar', length: 300, nullable: true })
  trainingCenter!: string | null;

  @Column({ type: 'simple-json', nullable: true })
  vaeAdmissibility!: EnrollmentView['vaeAdmissibility'];
}

/** Read model of issuing.credential.v1: parchemins (R7). */
@Entity('rm_parchemin')
@Index('ix_rm_parchemin_candidate', ['candidateId'])
export class ParcheminViewRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  candidateId!: string;

  @Column({ type: 'varchar', length: 36 })
  certificationId!: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  specializationId!: string | null;

  @Column({ type: 'varchar', length: 10 })
  status!: string;

  @Column({ type: 'date' })
  issuedOn!: LocalDate;
}
