import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Table `juror`: one seat per person (userId = JWT sub) and session. */
@Entity('juror')
@Index('uq_juror_session_user', ['sessionId', 'userId'], { unique: true })
export class JurorRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  sessionId!: string;

  @Column({ type: 'varchar', length: 100 })
  userId!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 30 })
  role!: string;
}
