import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { DeadLetterReason } from './event-transport';

/** What a dead letter keeps of the record, enough to replay it. */
export interface StoredMessage {
  headers: Record<string, string>;
  /** The body as received, even when it is not JSON. */
  value: string;
}

/** A message a consumer set aside, with why; replayed by `events-admin dead-letters replay`. */
@Entity('events_dead_letter')
@Index('IDX_events_dead_letter_listing', ['replayedAt', 'createdAt'])
// Dead-lettering is retried until it sticks: the same message at the same place is kept once.
@Index('UQ_events_dead_letter_position', ['consumerGroup', 'sourcePosition'], { unique: true })
export class DeadLetterEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'consumer_group', type: 'varchar', length: 100 })
  consumerGroup!: string;

  @Column({ type: 'varchar', length: 255 })
  topic!: string;

  @Column({ name: 'event_key', type: 'varchar', length: 255 })
  eventKey!: string;

  @Column({ name: 'event_id', type: 'varchar', length: 100, nullable: true })
  eventId!: string | null;

  @Column({ name: 'event_type', type: 'varchar', length: 255, nullable: true })
  eventType!: string | null;

  /** `topic/partition/offset` where the transport held it. */
  @Column({ name: 'source_position', type: 'varchar', length: 300 })
  sourcePosition!: string;

  @Column({ type: 'varchar', length: 32 })
  reason!: DeadLetterReason;

  @Column({ type: 'text' })
  error!: string;

  @Column({ type: 'int' })
  attempts!: number;

  @Column({ type: 'json' })
  message!: StoredMessage;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'replayed_at', type: 'datetime', precision: 3, nullable: true })
  replayedAt!: Date | null;
}
