import {
  describeOnEachDatabase,
  openTestDatabase,
  type TestDatabase,
} from '@certif/platform-persistence/testing';
import { randomUUID } from 'node:crypto';
import { Registry } from 'prom-client';
import { IsNull } from 'typeorm';
import {
  counterIncremented,
  CounterRow,
  EffectRow,
  increment,
  testSchema,
} from './events.fixtures';
import { EventMetrics } from './event-metrics';
import { EventConsumer } from './idempotent-consumer';
import { InboxEntryEntity } from './inbox-entry.entity';
import { Outbox } from './outbox';
import { republishOutbox } from './outbox-admin';
import { OutboxMessageEntity } from './outbox-message.entity';
import { OutboxRelay } from './outbox-relay';
import { runInTransaction } from './run-in-transaction';
import { present, RecordingTransport, waitFor } from './testing';

jest.setTimeout(120_000);

/** Outbox → relay → embedded transport → idempotent consumer, in one database. */
describeOnEachDatabase('events end to end', (dialect) => {
  let db: TestDatabase;
  let transport: RecordingTransport;
  const stoppers: (() => Promise<void>)[] = [];
  const outbox = new Outbox({ source: 'certif/test' });
  /** Versions the consumer handled, per counter, in handling order. */
  let handled: Map<string, number[]>;
  let registry: Registry;
  const duplicatesSkipped = async () => {
    const metric = await present(registry.getSingleMetric('certif_events_consumed_total')).get();
    return metric.values.find((value) => value.labels['outcome'] === 'duplicate')?.value ?? 0;
  };

  async function startPipeline(options: { relays?: number; batchSize?: number } = {}) {
    const consumer = new EventConsumer({
      dataSource: db.dataSource,
      transport,
      groupId: 'issuing',
      retry: { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 5 },
      metrics: new EventMetrics({ service: 'issuing', registry }),
    }).on(counterIncremented, async (event, manager) => {
      // A little jitter inside the transaction, so that keys really interleave.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 2));
      await manager.getRepository(EffectRow).insert({
        id: randomUUID(),
        eventId: event.id,
        counterId: event.data.counterId,
        version: event.data.version,
      });
      const list = handled.get(event.data.counterId) ?? [];
      list.push(event.data.version);
      handled.set(event.data.counterId, list);
    });
    await consumer.start();
    stoppers.push(() => consumer.stop());
    for (let i = 0; i < (options.relays ?? 1); i += 1) {
      const relay = new OutboxRelay({
        dataSource: db.dataSource,
        transport,
        batchSize: options.batchSize ?? 7,
        pollIntervalMs: 20,
        retry: { initialDelayMs: 5, maxDelayMs: 20 },
      });
      await relay.start();
      stoppers.push(() => relay.stop());
    }
  }

  /** The service's use case: change the aggregate and publish, in one transaction. */
  const incrementAndPublish = (counterId: string) =>
    runInTransaction(db.dataSource, async (manager) => {
      const version = await increment(manager, counterId);
      await outbox.publish(manager, counterIncremented, { counterId, version });
    });

  beforeAll(async () => {
    db = await openTestDatabase(dialect, testSchema);
  });
  afterAll(() => db.close());
  beforeEach(async () => {
    for (const entity of [EffectRow, InboxEntryEntity, OutboxMessageEntity, CounterRow]) {
      await db.dataSource.getRepository(entity).clear();
    }
    transport = new RecordingTransport();
    handled = new Map();
    registry = new Registry();
  });
  afterEach(async () => {
    for (const stop of stoppers.splice(0).reverse()) await stop();
    await transport.stop();
  });

  it('keeps per-key order with many keys, interleaved, and concurrent publishers', async () => {
    const counters = Array.from({ length: 12 }, (_, i) => `counter-${i}`);
    await db.dataSource
      .getRepository(CounterRow)
      .insert(counters.map((id) => ({ id, version: 0 })));
    await startPipeline({ relays: dialect === 'mysql' ? 2 : 1 });
    const publishers = 6;
    const perPublisher = 25;
    await Promise.all(
      Array.from({ length: publishers }, async () => {
        for (let i = 0; i < perPublisher; i += 1) {
          await incrementAndPublish(present(counters[Math.floor(Math.random() * counters.length)]));
        }
      }),
    );
    const total = publishers * perPublisher;
    await waitFor(async () =>
      expect(await db.dataSource.getRepository(EffectRow).count()).toBe(total),
    );
    const finalVersions = await db.dataSource.getRepository(CounterRow).find();
    for (const { id, version } of finalVersions) {
      expect([id, handled.get(id) ?? []]).toEqual([
        id,
        Array.from({ length: version }, (_, i) => i + 1),
      ]);
    }
    // Concurrency really happened: keys were handled interleaved, not one after the other.
    expect(
      new Set(transport.published.slice(0, 20).map((message) => message.key)).size,
    ).toBeGreaterThan(1);
  });

  it('processes once an event sent again after a crash between send and mark', async () => {
    await incrementAndPublish('c1');
    await incrementAndPublish('c1');
    // The broker takes the batch, then the relay loses its connection before marking the rows.
    transport.failNextPublishes(1, { afterDelivery: true });
    await startPipeline();
    await waitFor(async () =>
      expect(
        await db.dataSource.getRepository(OutboxMessageEntity).countBy({ sentAt: IsNull() }),
      ).toBe(0),
    );
    await waitFor(async () => expect(await db.dataSource.getRepository(EffectRow).count()).toBe(2));
    expect(transport.published).toHaveLength(4);
    await waitFor(async () => expect(await duplicatesSkipped()).toBe(2));
    expect(await db.dataSource.getRepository(EffectRow).count()).toBe(2);
    expect(handled.get('c1')).toEqual([1, 2]);
  });

  it('processes once what an operator republishes after a broker outage', async () => {
    await startPipeline();
    const from = new Date(Date.now() - 1000);
    for (let i = 0; i < 5; i += 1) await incrementAndPublish('c1');
    await waitFor(async () => expect(await db.dataSource.getRepository(EffectRow).count()).toBe(5));
    expect(await republishOutbox(db.dataSource, { from, to: new Date(Date.now() + 1000) })).toBe(5);
    await waitFor(() => expect(transport.published).toHaveLength(10));
    await waitFor(async () =>
      expect(
        await db.dataSource.getRepository(OutboxMessageEntity).countBy({ sentAt: IsNull() }),
      ).toBe(0),
    );
    await waitFor(async () => expect(await duplicatesSkipped()).toBe(5));
    expect(await db.dataSource.getRepository(EffectRow).count()).toBe(5);
    expect(handled.get('c1')).toEqual([1, 2, 3, 4, 5]);
  });
});
