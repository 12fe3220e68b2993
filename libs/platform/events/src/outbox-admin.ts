import type { DataSource } from 'typeorm';
import { DeadLetterEntity } from './dead-letter.entity';
import { InboxEntryEntity } from './inbox-entry.entity';
import { OutboxMessageEntity } from './outbox-message.entity';
import { runInTransaction } from './run-in-transaction';

export interface TimeRange {
  /** Inclusive. */
  from: Date;
  /** Exclusive. */
  to: Date;
}

/**
 * Marks the sent rows created in a time range as unsent, so that the relay sends them again:
 * recovery after a broker lost messages. Consumers that already had them skip them (inbox). A
 * key's rows are re-sent in order, but after the newer events of that key that were not in the
 * range. Resolves with the number of rows marked.
 */
export async function republishOutbox(
  dataSource: DataSource,
  range: TimeRange,
  now: () => Date = () => new Date(),
): Promise<number> {
  if (!(range.from.getTime() < range.to.getTime())) {
    throw new Error('republish: --from must be before --to');
  }
  const result = await runInTransaction(dataSource, (manager) =>
    manager
      .createQueryBuilder()
      .update(OutboxMessageEntity)
      .set({ sentAt: null, availableAt: now() })
      .where('created_at >= :from AND created_at < :to AND sent_at IS NOT NULL', range)
      .execute(),
  );
  return result.affected ?? 0;
}

/**
 * Forgets which events were handled before `before`. Keep them longer than any redelivery or
 * republish could come (a Kafka retention period, say): an event older than that would be
 * handled again.
 */
export async function pruneInbox(dataSource: DataSource, before: Date): Promise<number> {
  const result = await runInTransaction(dataSource, (manager) =>
    manager
      .createQueryBuilder()
      .delete()
      .from(InboxEntryEntity)
      .where('processed_at < :before', { before })
      .execute(),
  );
  return result.affected ?? 0;
}

/** Deletes rows sent before `before`: the outbox is a queue, not an archive. */
export async function pruneSentOutbox(dataSource: DataSource, before: Date): Promise<number> {
  const result = await runInTransaction(dataSource, (manager) =>
    manager
      .createQueryBuilder()
      .delete()
      .from(OutboxMessageEntity)
      .where('sent_at IS NOT NULL AND sent_at < :before', { before })
      .execute(),
  );
  return result.affected ?? 0;
}

/** Deletes dead letters set aside before `before`, replayed or not: they are not an archive either. */
export async function pruneDeadLetters(dataSource: DataSource, before: Date): Promise<number> {
  const result = await runInTransaction(dataSource, (manager) =>
    manager
      .createQueryBuilder()
      .delete()
      .from(DeadLetterEntity)
      .where('created_at < :before', { before })
      .execute(),
  );
  return result.affected ?? 0;
}
