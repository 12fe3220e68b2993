import {
  describeOnEachDatabase,
  openTestDatabase,
  type TestDatabase,
} from '@certif/platform-persistence/testing';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { DeadLetterEntity } from './dead-letter.entity';
import { defineEvent } from './event-definition';
import { clearEventTables, counterIncremented, testSchema } from './events.fixtures';
import { EventConsumer } from './idempotent-consumer';
import { InboxEntryEntity } from './inbox-entry.entity';
import { Outbox } from './outbox';
import { OutboxMessageEntity } from './outbox-message.entity';
import { ERASED_PAYLOAD } from './personal-data-erasure';
import { pruneEventTables } from './retention';
import { runInTransaction } from './run-in-transaction';
import { createInMemoryTransport, testEventMessage, waitFor } from './testing';

const DAY = 24 * 60 * 60 * 1000;
const now = new Date('2026-06-01T12:00:00.000Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);

/** A person on the test topic: their name is personal data, erased like a candidate's (R13). */
const personChanged = defineEvent({
  type: 'certif.test.person-changed.v1',
  topic: 'test.counter.v1',
  schema: z.object({ personId: z.string(), name: z.string(), erased: z.boolean() }),
  key: (payload) => payload.personId,
  erases: (payload) => (payload.erased ? payload.personId : undefined),
});

describeOnEachDatabase('event tables: retention and erasure', (dialect) => {
  let db: TestDatabase;
  const outbox = new Outbox({ source: 'certif/test', now: () => now });
  const repository = <T extends object>(entity: new () => T) => db.dataSource.getRepository(entity);

  async function deadLetter(key: string, value: string, createdAt: Date): Promise<string> {
    const id = randomUUID();
    const message = testEventMessage(
      { id, type: personChanged.type, time: createdAt.toISOString(), data: null },
      { topic: personChanged.topic, key },
    );
    await repository(DeadLetterEntity).insert({
      id,
      consumerGroup: 'issuing',
      topic: message.topic,
      eventKey: key,
      eventId: id,
      eventType: personChanged.type,
      sourcePosition: `test.counter.v1/0/${Math.floor(Math.random() * 1e9)}`,
      reason: 'invalid-payload',
      error: `name: expected a shorter value than ${value}`,
      attempts: 1,
      message: { headers: { ...message.headers }, value },
      createdAt,
      replayedAt: null,
    });
    return id;
  }

  const markAllSent = () =>
    db.dataSource
      .createQueryBuilder()
      .update(OutboxMessageEntity)
      .set({ sentAt: daysAgo(1) })
      .where('sent_at IS NULL')
      .execute();

  beforeAll(async () => {
    db = await openTestDatabase(dialect, testSchema);
  });
  afterAll(() => db.close());
  beforeEach(() => clearEventTables(db.dataSource));

  it('prunes sent outbox rows, inbox ids and dead letters older than their retention', async () => {
    await runInTransaction(db.dataSource, async (manager) => {
      for (let version = 1; version <= 3; version += 1) {
        await outbox.publish(manager, counterIncremented, { counterId: 'c1', version });
      }
    });
    const [old, recent] = await repository(OutboxMessageEntity).find({ order: { seq: 'ASC' } });
    await repository(OutboxMessageEntity).update({ seq: old?.seq }, { sentAt: daysAgo(8) });
    await repository(OutboxMessageEntity).update({ seq: recent?.seq }, { sentAt: daysAgo(6) });
    for (const [eventId, days] of [
      ['old', 31],
      ['recent', 29],
    ] as const) {
      await repository(InboxEntryEntity).insert({
        consumerGroup: 'issuing',
        eventId,
        topic: 'test.counter.v1',
        eventType: counterIncremented.type,
        processedAt: daysAgo(days),
      });
    }
    await deadLetter('p1', '{}', daysAgo(91));
    const kept = await deadLetter('p1', '{}', daysAgo(89));

    const report = await pruneEventTables(
      db.dataSource,
      { sentOutboxDays: 7, inboxDays: 30, deadLetterDays: 90, intervalMs: 0 },
      now,
    );

    expect(report).toEqual({ sentOutboxRows: 1, inboxEntries: 1, deadLetters: 1 });
    // The unsent row stays, however old: it has not been relayed yet.
    expect(await repository(OutboxMessageEntity).count()).toBe(2);
    expect((await repository(InboxEntryEntity).find()).map((entry) => entry.eventId)).toEqual([
      'recent',
    ]);
    expect((await repository(DeadLetterEntity).find()).map((letter) => letter.id)).toEqual([kept]);
  });

  it("an erasure published by the producer deletes the person's sent rows and scrubs their dead letters", async () => {
    await runInTransaction(db.dataSource, (manager) =>
      outbox.publish(manager, personChanged, { personId: 'p1', name: 'Awa Diallo', erased: false }),
    );
    await markAllSent();
    await runInTransaction(db.dataSource, (manager) =>
      outbox.publish(manager, personChanged, {
        personId: 'p2',
        name: 'Someone Else',
        erased: false,
      }),
    );
    await markAllSent();
    const letter = await deadLetter('p1', '{"personId":"p1","name":"Awa Diallo"}', daysAgo(2));
    const other = await deadLetter('p2', '{"personId":"p2","name":"Someone Else"}', daysAgo(2));

    await runInTransaction(db.dataSource, (manager) =>
      outbox.publish(manager, personChanged, {
        personId: 'p1',
        name: 'Pseudonym-7f3a',
        erased: true,
      }),
    );

    const rows = await repository(OutboxMessageEntity).find({ order: { seq: 'ASC' } });
    const stored = JSON.stringify(rows.map((row) => row.envelope));
    expect(stored).not.toContain('Awa Diallo');
    expect(stored).toContain('Someone Else');
    // The erasure itself still goes out, for the consumers to erase too.
    expect(rows.filter((row) => row.eventKey === 'p1').map((row) => row.sentAt)).toEqual([null]);
    const letters = await repository(DeadLetterEntity).find();
    expect(letters.find((row) => row.id === letter)?.message.value).toBe(ERASED_PAYLOAD);
    expect(letters.find((row) => row.id === letter)?.error).not.toContain('Awa Diallo');
    expect(letters.find((row) => row.id === other)?.message.value).toContain('Someone Else');
  });

  it("an erasure handled by a consumer scrubs the person's data from that service's tables", async () => {
    const transport = createInMemoryTransport();
    const consumer = new EventConsumer({
      dataSource: db.dataSource,
      transport,
      groupId: 'issuing',
    }).on(personChanged, async () => undefined);
    await consumer.start();
    try {
      const letter = await deadLetter('p1', '{"personId":"p1","name":"Awa Diallo"}', daysAgo(2));
      await transport.publish([
        testEventMessage(
          {
            type: personChanged.type,
            time: now.toISOString(),
            data: { personId: 'p1', name: 'Pseudonym-7f3a', erased: true },
          },
          { topic: personChanged.topic, key: 'p1' },
        ),
      ]);
      await waitFor(async () =>
        expect((await repository(DeadLetterEntity).findOneBy({ id: letter }))?.message.value).toBe(
          ERASED_PAYLOAD,
        ),
      );
    } finally {
      await consumer.stop();
      await transport.stop();
    }
  });
});
