import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { CloudEvent } from './cloud-event';

/**
 * An event waiting to be relayed, written in the transaction of the change that caused it.
 *
 * `seq` is assigned by the database at insert time; it orders the rows of a key, which a uuid
 * generated in code could not do across replicas whose clocks differ. It is an unsigned int
 * rather than a bigint because SQLite only auto-increments an INTEGER PRIMARY KEY.
 */
@Entity('events_outbox')
@Index('IDX_events_outbox_pending', ['sentAt', 'seq'])
@Index('IDX_events_outbox_key', ['eventKey', 'sentAt', 'seq'])
@Index('IDX_events_outbox_created', ['createdAt'])
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn({ name: 'seq', type: 'int', unsigned: true })
  seq!: number;

  @Column({ name: 'event_id', type: 'varchar', length: 100 })
  eventId!: string;

  @Column({ type: 'varchar', length: 255 })
  topic!: string;

  @Column({ name: 'event_key', type: 'varchar', length: 255 })
  eventKey!: string;

  @Column({ name: 'event_type', type: 'varchar', length: 255 })
  eventType!: string;

  /** The whole CloudEvent, data included. `json` is LONGTEXT on MariaDB and TEXT on SQLite. */
  @Column({ type: 'json' })
  envelope!: CloudEvent;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  /** Not sent before this instant: the backoff after a failed send. */
  @Column({ name: 'available_at', type: 'datetime', precision: 3 })
  availableAt!: Date;

  @Column({ name: 'sent_at', type: 'datetime', precision: 3, nullable: true })
  sentAt!: Date | null;

  @Column({ type: 'int' })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;
}
