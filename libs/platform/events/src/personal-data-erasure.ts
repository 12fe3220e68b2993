import type { EntityManager } from 'typeorm';
import { DeadLetterEntity } from './dead-letter.entity';
import { OutboxMessageEntity } from './outbox-message.entity';

/** What an erasure left in the event tables of one service. */
export interface ErasureReport {
  outboxRowsDeleted: number;
  deadLettersScrubbed: number;
}

/** The payload a scrubbed dead letter keeps: enough to know what it was, nothing about whom. */
export const ERASED_PAYLOAD = '{"erased":true}';

/**
 * Forgets the personal data the event tables hold about one subject (every event about a
 * candidate is keyed by the candidate's id), in the caller's transaction:
 * - sent outbox rows of the key are deleted (the outbox is a queue; unsent ones still go out,
 *   before the erasure event that follows them in key order, so consumers erase after them);
 * - dead letters of the key keep their headers and reason, and lose their payload.
 * The inbox holds event ids only.
 */
export async function erasePersonalData(
  manager: EntityManager,
  key: string,
): Promise<ErasureReport> {
  const deleted = await manager
    .createQueryBuilder()
    .delete()
    .from(OutboxMessageEntity)
    .where('event_key = :key AND sent_at IS NOT NULL', { key })
    .execute();
  const letters = await manager.getRepository(DeadLetterEntity).find({ where: { eventKey: key } });
  const toScrub = letters.filter((letter) => letter.message.value !== ERASED_PAYLOAD);
  for (const letter of toScrub) {
    await manager.getRepository(DeadLetterEntity).update(
      { id: letter.id },
      {
        message: { headers: letter.message.headers, value: ERASED_PAYLOAD },
        // A schema's complaint may quote the payload.
        error: `${letter.reason}: payload erased (right to erasure)`,
      },
    );
  }
  return { outboxRowsDeleted: deleted.affected ?? 0, deadLettersScrubbed: toScrub.length };
}
