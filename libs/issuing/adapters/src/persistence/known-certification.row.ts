import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { LocalDate } from '@certif/platform-calendar';
import type { CertificationVersion } from '@certif/issuing-domain';

/** Issuing's read model of referentials.certification.v1: the highest version of each state. */
@Entity('known_certification')
@Index('ix_known_certification_revises', ['revisesId'])
@Index('ix_known_certification_revised_by', ['revisedById'])
export class KnownCertificationRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** The state's version in referentials: an older state arriving late is ignored. */
  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'varchar', length: 40 })
  code!: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  rncpCode!: string | null;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'varchar', length: 30 })
  kind!: string;

  @Column({ type: 'int' })
  level!: number;

  @Column({ type: 'varchar', length: 300 })
  certifierName!: string;

  @Column({ type: 'varchar', length: 14, nullable: true })
  certifierSiret!: string | null;

  /** The certifier's identifiers with the Caisse des Dépôts (for the deposit of holders). */
  @Column({ type: 'varchar', length: 8, nullable: true })
  certifierCpfClientId!: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  certifierCpfContractId!: string | null;

  @Column({ type: 'date', nullable: true })
  registeredFrom!: LocalDate | null;

  @Column({ type: 'date', nullable: true })
  registeredUntil!: LocalDate | null;

  @Column({ type: 'varchar', length: 40 })
  capitalizationRule!: string;

  @Column({ type: 'boolean' })
  requiresFinalInterview!: boolean;

  @Column({ type: 'varchar', length: 36, nullable: true })
  revisesId!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  revisedById!: string | null;

  @Column({ type: 'simple-json' })
  components!: CertificationVersion['components'];

  @Column({ type: 'simple-json' })
  specializations!: CertificationVersion['specializations'];

  @Column({ type: 'simple-json' })
  correspondences!: CertificationVersion['correspondences'];
}
