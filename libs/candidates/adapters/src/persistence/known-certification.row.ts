import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LocalDate } from '@certif/platform-calendar';
import type { Pathway } from '@certif/candidates-domain';

/**
 * Table `known_certification`: the read model of referentials.certification.v1 — the latest
 * state received of each certification version, enough to judge an enrolment locally.
 */
@Entity('known_certification')
export class KnownCertificationRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 40 })
  code!: string;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'boolean' })
  published!: boolean;

  @Column({ type: 'date', nullable: true })
  registeredFrom!: LocalDate | null;

  @Column({ type: 'date', nullable: true })
  registeredUntil!: LocalDate | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  revisesId!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  revisedById!: string | null;

  @Column({ type: 'double', nullable: true })
  vaeMinimumExperienceYears!: number | null;

  /** The access routes; null on rows received before referentials published them: every route. */
  @Column({ type: 'simple-json', nullable: true })
  pathways!: Pathway[] | null;

  /** Referentials' version of this state: only a higher one replaces it. */
  @Column({ type: 'int' })
  version!: number;
}
