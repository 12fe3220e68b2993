import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** What a component and a specialization row have alike: their own id, their certification's, a code. */
abstract class PartOfCertificationRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  certificationId!: string;

  @Column({ type: 'varchar', length: 40 })
  code!: string;
}

@Entity('component')
@Index('ix_component_certification', ['certificationId', 'position'])
export class ComponentRow extends PartOfCertificationRow {
  @Column({ type: 'varchar', length: 500 })
  title!: string;

  @Column({ type: 'varchar', length: 10 })
  kind!: string;

  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'simple-json' })
  competences!: string[];
}

@Entity('specialization')
@Index('ix_specialization_certification', ['certificationId'])
export class SpecializationRow extends PartOfCertificationRow {
  @Column({ type: 'varchar', length: 300 })
  title!: string;
}
