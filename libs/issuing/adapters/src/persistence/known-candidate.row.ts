import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LocalDate } from '@certif/platform-calendar';
import type { HolderRegisterData } from '@certif/issuing-application';

/** The holder's identity from candidates.candidate.v1; the pseudonym once erased (R13). */
@Entity('known_candidate')
export class KnownCandidateRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  firstName!: string;

  @Column({ type: 'varchar', length: 200 })
  lastName!: string;

  /** Printed on the parchemin; null when unknown or erased (R13). */
  @Column({ type: 'date', nullable: true })
  birthDate!: LocalDate | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  erasedAt!: string | null;

  /**
   * The national holders' register's data (birth date, sex, birth name, birth place) and the
   * enrolments' pathways, for the deposit with the Caisse des Dépôts; null until known.
   */
  @Column({ type: 'simple-json', nullable: true })
  register!: HolderRegisterData | null;

  @Column({ type: 'int' })
  version!: number;
}
