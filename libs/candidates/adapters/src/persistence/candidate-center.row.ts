import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Table `candidate_center`: the read model of sessions.registration.v1 — in which exam centre
 * each candidate is registered, one row per registration.
 */
@Entity('candidate_center')
@Index('IDX_candidate_center_candidate', ['candidateId'])
export class CandidateCenterRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  registrationId!: string;

  @Column({ type: 'varchar', length: 36 })
  candidateId!: string;

  @Column({ type: 'varchar', length: 200 })
  center!: string;
}
