import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An event a consumer group has handled, inserted in the handler's own transaction: its primary
 * key is what turns at-least-once delivery into effectively-once processing.
 */
@Entity('events_inbox')
@Index('IDX_events_inbox_processed', ['processedAt'])
export class InboxEntryEntity {
  @PrimaryColumn({ name: 'consumer_group', type: 'varchar', length: 100 })
  consumerGroup!: string;

  @PrimaryColumn({ name: 'event_id', type: 'varchar', length: 100 })
  eventId!: string;

  @Column({ type: 'varchar', length: 255 })
  topic!: string;

  @Column({ name: 'event_type', type: 'varchar', length: 255 })
  eventType!: string;

  @Column({ name: 'processed_at', type: 'datetime', precision: 3 })
  processedAt!: Date;
}
