import { Column, PrimaryColumn } from 'typeorm';

/**
 * The columns a livret and a parchemin share: their id, whose they are and of which lineage (a
 * certification and its revisions), and the version they were made for.
 */
export abstract class CandidateLineageColumns {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  candidateId!: string;

  @Column({ type: 'varchar', length: 36 })
  lineageRootId!: string;

  @Column({ type: 'varchar', length: 36 })
  certificationId!: string;
}
