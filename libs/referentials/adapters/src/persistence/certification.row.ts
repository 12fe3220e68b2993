import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { LocalDate } from '@certif/platform-calendar';
import type { Correspondence, JuryRule, Pathway } from '@certif/referentials-domain';

/** Table `certification`: one row per version of a certification. Mapped by certification.mapper. */
@Entity('certification')
export class CertificationRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Index('uq_certification_code', { unique: true })
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

  @Column({ type: 'simple-json' })
  nsfCodes!: string[];

  @Column({ type: 'simple-json' })
  romeCodes!: string[];

  @Column({ type: 'simple-json' })
  formacodes!: string[];

  @Column({ type: 'varchar', length: 300 })
  certifierName!: string;

  @Column({ type: 'varchar', length: 14, nullable: true })
  certifierSiret!: string | null;

  /** The Caisse des Dépôts' client id of the certifier (8 characters). */
  @Column({ type: 'varchar', length: 8, nullable: true })
  certifierCpfClientId!: string | null;

  /** The Caisse des Dépôts' contract id of the certifier (≤ 20 characters). */
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

  @Column({ type: 'double', nullable: true })
  vaeMinimumExperienceYears!: number | null;

  /** Null on rows written before access routes were recorded: every route. */
  @Column({ type: 'simple-json', nullable: true })
  pathways!: Pathway[] | null;

  /** Null on rows written before jury rules were recorded: the kind's default rule. */
  @Column({ type: 'simple-json', nullable: true })
  juryRule!: JuryRule | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  publishedAt!: Date | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  revisesId!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  revisedById!: string | null;

  @Column({ type: 'simple-json' })
  correspondences!: Correspondence[];

  @Column({ type: 'simple-json' })
  notes!: string[];

  /** `RNCP_OPEN_DATA` when the register's export made it; null when made by hand. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  importedFrom!: string | null;

  /** What the export said at the last import (see RegisterImport). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  importFingerprint!: string | null;

  /** Code, title and certifier without case or accents, for `search`. */
  @Column({ type: 'varchar', length: 700 })
  searchText!: string;

  /** Certifier name without case or accents, for the `certifier` filter. */
  @Column({ type: 'varchar', length: 300 })
  certifierSearch!: string;

  @Column({ type: 'int' })
  version!: number;
}
