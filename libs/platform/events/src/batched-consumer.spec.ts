import { describeOnEachDatabase } from '@certif/platform-persistence/testing';
import { onStatement } from '@certif/platform-persistence';
import { DeadLetterEntity } from './dead-letter.entity';
import type { EmbeddedTransport } from './embedded-transport';
import {
  counterConsumer,
  counterIncremented,
  counterMessage,
  recordEffect,
  useCounterDatabase,
  type CounterHandler,
} from './events.fixtures';
import type { EventConsumer } from './idempotent-consumer';
import { InboxEntryEntity } from './inbox-entry.entity';
import { createInMemoryTransport, fastRetry, waitFor } from './testing';
import type { TransportMessage } from './transport-message';

jest.setTimeout(60_000);

/** `count` increments of the counters given in turn: c1 v1, c2 v1, c1 v2, c2 v2… */
function increments(count: number, counters = ['c1', 'c2']): TransportMessage[] {
  return Array.from({ length: count }, (_, i) =>
    counterMessage({
      counterId: counters[i % counters.length] ?? 'c1',
      version: Math.floor(i / counters.length) + 1,
    }),
  );
}

class RuleRefusal extends Error {
  readonly code = 'BAD_USER_INPUT';
}

describeOnEachDatabase('EventConsumer, batches of a partition in one transaction', (dialect) => {
  const db = useCounterDatabase(dialect);
  let transport: EmbeddedTransport;
  let consumer: EventConsumer | undefined;
  /** The size of the batch each handler call belonged to, in call order. */
  let batchSizes: number[];
  const effects = async () => (await db.effects()).map((e) => `${e.counterId}:${e.version}`);
  const deadLetters = () => db.dataSource.getRepository(DeadLetterEntity).find();

  const recordInBatch: CounterHandler = async (event, manager, batch) => {
    batchSizes.push(batch.events.length);
    await recordEffect(event, manager);
  };

  async function startConsumer(handler = recordInBatch, batchSize = 10): Promise<EventConsumer> {
    consumer = counterConsumer({ dataSource: db.dataSource, transport, batchSize }, handler);
    await consumer.start();
    return consumer;
  }

  beforeEach(() => {
    // One partition: every message waits in the same one, and a publish makes one batch.
    transport = createInMemoryTransport({ partitions: 1 });
    batchSizes = [];
  });
  afterEach(async () => {
    await consumer?.stop();
    consumer = undefined;
    await transport.stop();
  });

  it('handles the waiting events in one transaction with one inbox INSERT', async () => {
    const statements: string[] = [];
    const stopListening = onStatement(db.dataSource, (sql) => statements.push(sql));
    await startConsumer();
    await transport.publish(increments(10));
    await waitFor(async () => expect(await effects()).toHaveLength(10));
    stopListening();
    expect(batchSizes).toEqual(Array(10).fill(10));
    const inboxInserts = statements.filter((sql) => /INSERT INTO\W+events_inbox/i.test(sql));
    expect(inboxInserts).toHaveLength(1);
    const commits = statements.filter((sql) => /^\s*COMMIT/i.test(sql));
    expect(commits).toHaveLength(1);
    expect(await db.dataSource.getRepository(InboxEntryEntity).count()).toBe(10);
  });

  it('takes at most batchSize events at a time', async () => {
    await startConsumer(recordInBatch, 4);
    await transport.publish(increments(10));
    await waitFor(async () => expect(await effects()).toHaveLength(10));
    expect(batchSizes).toEqual([4, 4, 4, 4, 4, 4, 4, 4, 2, 2]);
  });

  it('keeps the order of each key within a batch', async () => {
    const seen: string[] = [];
    await startConsumer(async (event, manager, batch) => {
      seen.push(`${event.data.counterId}:${event.data.version}`);
      await recordInBatch(event, manager, batch);
    });
    await transport.publish(increments(9, ['c1', 'c2', 'c3']));
    await waitFor(async () => expect(await effects()).toHaveLength(9));
    for (const counter of ['c1', 'c2', 'c3']) {
      expect(seen.filter((entry) => entry.startsWith(`${counter}:`))).toEqual([
        `${counter}:1`,
        `${counter}:2`,
        `${counter}:3`,
      ]);
    }
  });

  it('skips a whole batch delivered again, and the handled part of a partial one', async () => {
    await startConsumer();
    const first = increments(6);
    await transport.publish(first);
    await waitFor(async () => expect(await effects()).toHaveLength(6));
    // The whole batch again (a consumer that crashed before committing its offsets).
    await transport.publish(first);
    // Half of it again with new events: only the new ones are handled.
    const fresh = [counterMessage({ counterId: 'c9', version: 1 })];
    await transport.publish([...first.slice(3), ...fresh, first[0] as TransportMessage]);
    await waitFor(async () => expect(await effects()).toHaveLength(7));
    await waitFor(() => expect(transport.bus.lag(counterIncremented.topic, 'issuing')).toBe(0));
    expect((await effects()).sort()).toEqual(
      ['c1:1', 'c1:2', 'c1:3', 'c2:1', 'c2:2', 'c2:3', 'c9:1'].sort(),
    );
    expect(await db.dataSource.getRepository(InboxEntryEntity).count()).toBe(7);
    expect(await deadLetters()).toEqual([]);
  });

  it('handles the same event twice in one batch once', async () => {
    await startConsumer();
    const [message] = increments(1);
    await transport.publish([message, message, message] as TransportMessage[]);
    await waitFor(async () => expect(await effects()).toEqual(['c1:1']));
    await waitFor(() => expect(transport.bus.lag(counterIncremented.topic, 'issuing')).toBe(0));
    expect(await effects()).toEqual(['c1:1']);
  });

  it('isolates an event its schema refuses: the others are handled, it alone is dead-lettered', async () => {
    await startConsumer();
    const messages = increments(8);
    const poison = counterMessage({ counterId: 'c1', version: -1 });
    messages.splice(3, 0, poison);
    await transport.publish(messages);
    await waitFor(async () => expect(await effects()).toHaveLength(8));
    await waitFor(async () => expect(await deadLetters()).toHaveLength(1));
    const [letter] = await deadLetters();
    expect(letter).toMatchObject({ reason: 'invalid-payload', eventId: poison.headers['ce_id'] });
    expect(await db.dataSource.getRepository(InboxEntryEntity).count()).toBe(8);
  });

  it('isolates an event a rule refuses within its batch, with its reason', async () => {
    let batchTries = 0;
    await startConsumer(async (event, manager, batch) => {
      if (batch.events.length > 1 && event.data.counterId === 'c1' && event.data.version === 1)
        batchTries += 1;
      if (event.data.counterId === 'c2' && event.data.version === 2) {
        throw new RuleRefusal('R5: not this certification');
      }
      await recordInBatch(event, manager, batch);
    });
    await transport.publish(increments(6));
    await waitFor(async () => expect(await deadLetters()).toHaveLength(1));
    await waitFor(async () => expect(await effects()).toHaveLength(5));
    expect(await effects()).not.toContain('c2:2');
    const [letter] = await deadLetters();
    expect(letter).toMatchObject({ reason: 'rule-refused', attempts: 1 });
    expect(letter?.error).toContain('R5');
    // Tried once as a batch (rolled back whole), then event by event.
    expect(batchTries).toBe(1);
    expect(batchSizes.filter((size) => size === 1)).toHaveLength(5);
  });

  it('retries a batch that hits a transient failure, whole, and never dead-letters it', async () => {
    let failures = 0;
    await startConsumer(async (event, manager, batch) => {
      if (failures < 3 * fastRetry.maxAttempts) {
        failures += 1;
        throw Object.assign(new Error('Deadlock found when trying to get lock'), {
          code: 'ER_LOCK_DEADLOCK',
          errno: 1213,
        });
      }
      await recordInBatch(event, manager, batch);
    });
    await transport.publish(increments(5));
    await waitFor(async () => expect(await effects()).toHaveLength(5));
    expect(batchSizes).toEqual([5, 5, 5, 5, 5]);
    expect(await deadLetters()).toEqual([]);
  });

  it('runs deferred work once per key after the last handler, before commit', async () => {
    const order: string[] = [];
    await startConsumer(async (event, manager, batch) => {
      order.push(`handle ${event.data.counterId}:${event.data.version}`);
      batch.beforeCommit(`refresh ${event.data.counterId}`, async () => {
        order.push(`refresh ${event.data.counterId}`);
        await recordInBatch({ ...event, data: { ...event.data, version: 100 } }, manager, batch);
      });
      await recordInBatch(event, manager, batch);
    });
    await transport.publish(increments(4));
    await waitFor(async () => expect(await effects()).toHaveLength(6));
    expect(order).toEqual([
      'handle c1:1',
      'handle c2:1',
      'handle c1:2',
      'handle c2:2',
      'refresh c1',
      'refresh c2',
    ]);
  });

  it('runs deferred work given again once its key ran, after what waits', async () => {
    const order: string[] = [];
    await startConsumer(async (event, manager, batch) => {
      batch.beforeCommit('flush', async () => {
        order.push('flush');
      });
      batch.beforeCommit(`refresh ${event.data.counterId}`, async () => {
        order.push(`refresh ${event.data.counterId}`);
        batch.beforeCommit('flush', async () => {
          order.push('flush');
        });
      });
      await recordInBatch(event, manager, batch);
    });
    await transport.publish(increments(4));
    await waitFor(async () => expect(await effects()).toHaveLength(4));
    expect(order).toEqual(['flush', 'refresh c1', 'refresh c2', 'flush']);
  });

  it('rolls the batch back when its deferred work fails, and retries it', async () => {
    let fail = true;
    await startConsumer(async (event, manager, batch) => {
      batch.beforeCommit('refresh', async () => {
        if (fail) {
          fail = false;
          throw Object.assign(new Error('Lock wait timeout exceeded'), { errno: 1205 });
        }
      });
      await recordInBatch(event, manager, batch);
    });
    await transport.publish(increments(4));
    await waitFor(async () => expect(await effects()).toHaveLength(4));
    expect(await db.dataSource.getRepository(InboxEntryEntity).count()).toBe(4);
  });
});
