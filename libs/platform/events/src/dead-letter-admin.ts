import type { DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { decodeCloudEvent, EventDecodeError, type CloudEvent } from './cloud-event';
import { DeadLetterEntity } from './dead-letter.entity';
import type { DeadLetterReason } from './event-transport';
import { OutboxMessageEntity } from './outbox-message.entity';
import { runInTransaction } from './run-in-transaction';

export interface DeadLetterSummary {
  id: string;
  consumerGroup: string;
  topic: string;
  key: string;
  eventId: string | null;
  eventType: string | null;
  reason: DeadLetterReason;
  error: string;
  attempts: number;
  createdAt: Date;
  replayedAt: Date | null;
}

export interface ListDeadLettersOptions {
  /** Also those already replayed. */
  includeReplayed?: boolean;
  limit?: number;
}

export async function listDeadLetters(
  dataSource: DataSource,
  options: ListDeadLettersOptions = {},
): Promise<DeadLetterSummary[]> {
  const query = dataSource
    .getRepository(DeadLetterEntity)
    .createQueryBuilder('d')
    .orderBy('d.created_at', 'ASC')
    .addOrderBy('d.id', 'ASC')
    .take(options.limit ?? 1000);
  if (!options.includeReplayed) query.where('d.replayed_at IS NULL');
  const rows = await query.getMany();
  return rows.map((row) => ({
    id: row.id,
    consumerGroup: row.consumerGroup,
    topic: row.topic,
    key: row.eventKey,
    eventId: row.eventId,
    eventType: row.eventType,
    reason: row.reason,
    error: row.error,
    attempts: row.attempts,
    createdAt: row.createdAt,
    replayedAt: row.replayedAt,
  }));
}

export type DeadLetterSelection = { ids: readonly string[] } | { all: true };

export interface ReplayReport {
  replayed: string[];
  skipped: { id: string; reason: string }[];
}

/**
 * Sends dead letters again, once the cause is fixed (a handler bug, a schema that now accepts the
 * payload): each becomes an outbox row of this service — the original event, same id, same
 * topic and key — that the relay sends. Consumer groups that had already handled the event skip
 * it (inbox); the group that failed handles it. A body that is not a CloudEvent cannot be
 * replayed and is reported.
 */
export async function replayDeadLetters(
  dataSource: DataSource,
  selection: DeadLetterSelection,
  now: () => Date = () => new Date(),
): Promise<ReplayReport> {
  const repository = dataSource.getRepository(DeadLetterEntity);
  const ids =
    'all' in selection
      ? (await listDeadLetters(dataSource, { limit: 100_000 })).map((letter) => letter.id)
      : [...selection.ids];
  const report: ReplayReport = { replayed: [], skipped: [] };
  for (const id of ids) {
    const letter = await repository.findOneBy({ id });
    if (!letter) {
      report.skipped.push({ id, reason: 'no such dead letter' });
      continue;
    }
    if (letter.replayedAt) {
      report.skipped.push({ id, reason: `already replayed at ${letter.replayedAt.toISOString()}` });
      continue;
    }
    let event: CloudEvent;
    try {
      event = decodeCloudEvent({
        topic: letter.topic,
        key: letter.eventKey,
        headers: letter.message.headers,
        value: letter.message.value,
      });
    } catch (error) {
      if (!(error instanceof EventDecodeError)) throw error;
      report.skipped.push({ id, reason: `not a readable event (${error.code}): ${error.message}` });
      continue;
    }
    const time = now();
    const replayed = await runInTransaction(dataSource, async (manager) => {
      // Marked first, guarded by replayed_at: two admins replaying at once send it once.
      const marked = await manager
        .createQueryBuilder()
        .update(DeadLetterEntity)
        .set({ replayedAt: time })
        .where('id = :id AND replayed_at IS NULL', { id })
        .execute();
      if (!marked.affected) return false;
      await manager
        .createQueryBuilder()
        .insert()
        .into(OutboxMessageEntity)
        .values({
          eventId: event.id,
          topic: letter.topic,
          eventKey: letter.eventKey,
          eventType: event.type,
          envelope: event as QueryDeepPartialEntity<CloudEvent>,
          createdAt: time,
          availableAt: time,
          sentAt: null,
          attempts: 0,
          lastError: null,
        })
        .updateEntity(false)
        .execute();
      return true;
    });
    if (replayed) report.replayed.push(id);
    else report.skipped.push({ id, reason: 'replayed meanwhile by someone else' });
  }
  return report;
}
