import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type KafkaMessage, type Producer } from 'kafkajs';
import { Registry } from 'prom-client';
import { z } from 'zod';
import { openTestDatabase, type TestDatabase } from '@certif/platform-persistence/testing';
import { decodeCloudEvent } from './cloud-event';
import { DeadLetterEntity } from './dead-letter.entity';
import { listDeadLetters, replayDeadLetters } from './dead-letter-admin';
import { defineEvent } from './event-definition';
import { EventMetrics } from './event-metrics';
import {
  deadLetterHeaders,
  deadLetterTopic,
  PoisonMessageError,
  type Subscription,
} from './event-transport';
import { EffectRow, testSchema } from './events.fixtures';
import { EventConsumer } from './idempotent-consumer';
import { KafkaTransport } from './kafka-transport';
import { Outbox } from './outbox';
import { OutboxRelay } from './outbox-relay';
import { runInTransaction } from './run-in-transaction';
import { describeWithKafka, present, testEventMessage, waitFor } from './testing';
import type { TransportMessage } from './transport-message';

// Runs against the broker `npm test` starts (KAFKA_BROKERS); by hand: `npm run kafka`, then
// KAFKA_BROKERS=127.0.0.1:9092 npx jest libs/platform/events/src/kafka-transport
jest.setTimeout(120_000);

/** Joining a group and rebalancing takes seconds on a real broker. */
const patience = { timeoutMs: 90_000, intervalMs: 100 };

function event(key: string, n: number, topic: string): TransportMessage {
  return testEventMessage(
    { type: 'certif.test.numbered.v1', subject: key, data: { key, n } },
    { topic, key },
  );
}

const numberOf = (message: TransportMessage) => (JSON.parse(message.value) as { n: number }).n;

/** A counter's new version; `strict` refuses versions above 10, the "fixed" schema does not. */
const counterEvent = (topic: string, strict: boolean) =>
  defineEvent({
    type: 'certif.test.counter-incremented.v1',
    topic,
    schema: z.object({
      counterId: z.string().min(1),
      version: strict ? z.number().int().positive().max(10) : z.number().int().positive(),
    }),
    key: (payload) => payload.counterId,
  });

describeWithKafka('KafkaTransport', (brokers) => {
  const transports: KafkaTransport[] = [];
  const subscriptions: Subscription[] = [];
  const cleanups: (() => Promise<unknown>)[] = [];
  const run = randomUUID().slice(0, 8);
  const raw = new Kafka({
    brokers,
    clientId: `certif-test-raw-${run}`,
    logLevel: logLevel.NOTHING,
  });
  let topic: string;

  const transport = () => {
    const created = new KafkaTransport({ brokers, clientId: `certif-test-${run}` });
    transports.push(created);
    return created;
  };

  /** Every record of a topic as the broker holds it, read by a plain kafkajs consumer. */
  async function readRaw(from: string, count: number): Promise<KafkaMessage[]> {
    const consumer = raw.consumer({ groupId: `raw-${randomUUID()}` });
    cleanups.push(() => consumer.disconnect());
    const records: KafkaMessage[] = [];
    await consumer.connect();
    await consumer.subscribe({ topics: [from], fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void records.push(message) });
    await waitFor(() => expect(records.length).toBeGreaterThanOrEqual(count), patience);
    return records;
  }

  async function testDatabase(): Promise<TestDatabase> {
    const db = await openTestDatabase('sqlite', testSchema);
    cleanups.push(() => db.close());
    return db;
  }

  beforeEach(async () => {
    topic = `test.kafka-transport.${run}.${randomUUID().slice(0, 8)}.v1`;
    await transport().ensureTopics([topic], { numPartitions: 3 });
  });
  afterEach(async () => {
    for (const subscription of subscriptions.splice(0)) await subscription.stop();
    for (const created of transports.splice(0)) await created.stop();
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  });

  it('ensureTopics creates the topics and their .dlq once, with the partitions asked', async () => {
    const admin = raw.admin();
    cleanups.push(() => admin.disconnect());
    await admin.connect();
    const fresh = `test.ensure.${run}.${randomUUID().slice(0, 8)}.v1`;
    await transport().ensureTopics([fresh], { numPartitions: 2 });
    // A second call (another replica starting) finds them and changes nothing.
    await transport().ensureTopics([fresh], { numPartitions: 5 });
    const { topics } = await admin.fetchTopicMetadata({ topics: [fresh, deadLetterTopic(fresh)] });
    expect(topics.map((t) => [t.name, t.partitions.length]).sort()).toEqual([
      [fresh, 2],
      [deadLetterTopic(fresh), 2],
    ]);
    await transport().ensureTopics([`${fresh}.nodlq`], { deadLetterTopics: false });
    const names = await admin.listTopics();
    expect(names).toContain(`${fresh}.nodlq`);
    expect(names).not.toContain(deadLetterTopic(`${fresh}.nodlq`));
  });

  it('publishes with an idempotent producer, acks from all in-sync replicas', async () => {
    const producer = transport();
    // What kafkajs is asked for: idempotence, one request in flight, acks=all on every send.
    const kafka = (producer as unknown as { kafka: Kafka }).kafka;
    const makeProducer = jest.spyOn(kafka, 'producer');
    const sends: { acks?: number }[] = [];
    makeProducer.mockImplementation((config) => {
      const created: Producer = Kafka.prototype.producer.call(kafka, config);
      const sendBatch = created.sendBatch.bind(created);
      created.sendBatch = (batch) => {
        sends.push(batch);
        return sendBatch(batch);
      };
      return created;
    });
    const messages = Array.from({ length: 6 }, (_, n) => event('one-key', n, topic));
    await producer.publish(messages.slice(0, 3));
    await producer.publish(messages.slice(3));
    expect(makeProducer).toHaveBeenCalledWith(
      expect.objectContaining({ idempotent: true, maxInFlightRequests: 1 }),
    );
    expect(sends.map((send) => send.acks)).toEqual([-1, -1]);

    // What the broker stored: batches of one producer id, with sequence numbers that follow on.
    const records = (await readRaw(topic, 6)) as (KafkaMessage & {
      batchContext: { producerId: string; firstSequence: number };
    })[];
    const producerIds = new Set(records.map((r) => String(r.batchContext.producerId)));
    expect(producerIds.size).toBe(1);
    expect(Number([...producerIds][0])).toBeGreaterThanOrEqual(0); // -1: not idempotent
    const sequences = [...new Set(records.map((r) => r.batchContext.firstSequence))];
    expect(sequences).toEqual([0, 3]);
    expect(records.map((r) => (JSON.parse(String(r.value)) as { n: number }).n)).toEqual([
      0, 1, 2, 3, 4, 5,
    ]);
  });

  it('carries the CloudEvents headers the contract names, with a JSON body', async () => {
    const db = await testDatabase();
    const kafkaTransport = transport();
    const definition = counterEvent(topic, true);
    const outbox = new Outbox({ source: 'certif/test' });
    await runInTransaction(db.dataSource, (manager) =>
      outbox.publish(manager, definition, { counterId: 'counter-7', version: 3 }),
    );
    await new OutboxRelay({ dataSource: db.dataSource, transport: kafkaTransport }).drainOnce();

    const [record] = await readRaw(topic, 1);
    const headers = Object.fromEntries(
      Object.entries(present(record).headers ?? {}).map(([name, value]) => [name, String(value)]),
    );
    // Contract: CloudEvents 1.0, binary mode: ce_id, ce_type, ce_source, ce_time, ce_subject.
    expect(headers).toMatchObject({
      ce_specversion: '1.0',
      ce_type: 'certif.test.counter-incremented.v1',
      ce_source: 'certif/test',
      ce_subject: 'counter-7',
      'content-type': 'application/json',
    });
    expect(headers['ce_id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number.isNaN(Date.parse(present(headers['ce_time'])))).toBe(false);
    expect(String(record?.key)).toBe('counter-7');
    expect(JSON.parse(String(record?.value))).toEqual({ counterId: 'counter-7', version: 3 });
  });

  it('keeps per-key order in a group, and gives every group every message', async () => {
    const keys = ['a', 'b', 'c', 'd'];
    const messages = [];
    for (let n = 0; n < 10; n += 1) for (const key of keys) messages.push(event(key, n, topic));
    await transport().publish(messages);
    const received: Record<string, Map<string, number[]>> = { one: new Map(), two: new Map() };
    let first: TransportMessage | undefined;
    for (const group of ['one', 'two'] as const) {
      subscriptions.push(
        await transport().subscribe(topic, `${group}-${run}`, async (message) => {
          first ??= message;
          const byKey = present(received[group]);
          byKey.set(message.key, [...(byKey.get(message.key) ?? []), numberOf(message)]);
        }),
      );
    }
    const expected = Array.from({ length: 10 }, (_, n) => n);
    await waitFor(() => {
      for (const group of ['one', 'two'])
        for (const key of keys) expect(received[group]?.get(key)).toEqual(expected);
    }, patience);
    const original = messages.find(
      (message) => message.headers['ce_id'] === first?.headers['ce_id'],
    );
    expect(decodeCloudEvent(present(first))).toEqual(decodeCloudEvent(present(original)));
  });

  it('keeps per-key order across a rebalance: a second consumer joins mid-stream', async () => {
    const keys = ['k1', 'k2', 'k3', 'k4', 'k5', 'k6'];
    const perKey = 40;
    const group = `rebalance-${run}`;
    const handled: { member: string; key: string; n: number }[] = [];
    const member = (name: string) => async (message: TransportMessage) => {
      // Slow enough that the stream is still flowing when the second member joins.
      await new Promise((resolve) => setTimeout(resolve, 10));
      handled.push({ member: name, key: message.key, n: numberOf(message) });
    };
    const publishing = (async () => {
      for (let n = 0; n < perKey; n += 1) {
        await transport().publish(keys.map((key) => event(key, n, topic)));
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    })();
    subscriptions.push(await transport().subscribe(topic, group, member('first')));
    await waitFor(() => expect(handled.length).toBeGreaterThanOrEqual(30), patience);
    const beforeJoin = handled.length;
    subscriptions.push(await transport().subscribe(topic, group, member('second')));
    await publishing;
    await waitFor(() => {
      for (const key of keys) {
        expect(new Set(handled.filter((h) => h.key === key).map((h) => h.n)).size).toBe(perKey);
      }
    }, patience);

    expect(beforeJoin).toBeLessThan(keys.length * perKey);
    expect(handled.some((h) => h.member === 'second')).toBe(true);
    for (const key of keys) {
      const sequence = handled.filter((h) => h.key === key).map((h) => h.n);
      // At least once: a message may come again after the rebalance, never before an earlier one.
      const firstSeen = sequence.filter((n, index) => sequence.indexOf(n) === index);
      expect(firstSeen).toEqual(Array.from({ length: perKey }, (_, n) => n));
      for (let i = 1; i < sequence.length; i += 1) {
        const [previous, current] = [present(sequence[i - 1]), present(sequence[i])];
        if (current < previous) expect(sequence.slice(0, i)).toContain(current);
      }
    }
  });

  it('commits an offset only once the handler transaction has committed', async () => {
    const db = await testDatabase();
    const definition = counterEvent(topic, false);
    const group = `after-commit-${run}`;
    const kafkaTransport = transport();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let inside = false;
    const consumer = new EventConsumer({
      dataSource: db.dataSource,
      transport: kafkaTransport,
      groupId: group,
    }).on(definition, async (cloudEvent, manager) => {
      await manager.getRepository(EffectRow).save({
        id: randomUUID(),
        eventId: cloudEvent.id,
        counterId: cloudEvent.data.counterId,
        version: cloudEvent.data.version,
      });
      inside = true;
      await gate; // the transaction is open, its row written but not committed
    });
    cleanups.push(() => consumer.stop());
    const outbox = new Outbox({ source: 'certif/test' });
    await runInTransaction(db.dataSource, (manager) =>
      outbox.publish(manager, definition, { counterId: 'c1', version: 1 }),
    );
    await new OutboxRelay({ dataSource: db.dataSource, transport: kafkaTransport }).drainOnce();
    await consumer.start();

    await waitFor(() => expect(inside).toBe(true), patience);
    // Several heartbeats long: nothing is committed while the handler's transaction is open.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(await kafkaTransport.lag(topic, group)).toBe(1);
    release();
    await waitFor(async () => expect(await kafkaTransport.lag(topic, group)).toBe(0), patience);
    expect(await db.dataSource.getRepository(EffectRow).count()).toBe(1);
  });

  it('hands a partition over in batches (eachBatch): one transaction each, a poison event alone dead-lettered', async () => {
    const db = await testDatabase();
    const definition = counterEvent(topic, true);
    const group = `batches-${run}`;
    const kafkaTransport = transport();
    const batchSizes: number[] = [];
    const seen: number[] = [];
    const consumer = new EventConsumer({
      dataSource: db.dataSource,
      transport: kafkaTransport,
      groupId: group,
      batchSize: 20,
      retry: { maxAttempts: 2, initialDelayMs: 1, maxDelayMs: 5 },
    }).on(definition, async (cloudEvent, manager, batch) => {
      batchSizes.push(batch.events.length);
      seen.push(cloudEvent.data.version);
      await manager.getRepository(EffectRow).save({
        id: randomUUID(),
        eventId: cloudEvent.id,
        counterId: cloudEvent.data.counterId,
        version: cloudEvent.data.version,
      });
    });
    cleanups.push(() => consumer.stop());
    // One key, one partition: versions 1…5, then 6…10 with an 11 that breaks the strict schema.
    const outbox = new Outbox({ source: 'certif/test' });
    const lenient = counterEvent(topic, false);
    const relay = new OutboxRelay({ dataSource: db.dataSource, transport: kafkaTransport });
    const send = async (versions: number[]) => {
      await runInTransaction(db.dataSource, (manager) =>
        outbox.publishMany(
          manager,
          lenient,
          versions.map((version) => ({ counterId: 'c1', version })),
        ),
      );
      await relay.drainOnce();
    };
    await send([1, 2, 3, 4, 5]);
    await consumer.start();
    await waitFor(async () => expect(await kafkaTransport.lag(topic, group)).toBe(0), patience);
    expect(batchSizes).toEqual([5, 5, 5, 5, 5]);
    await send([6, 7, 11, 8, 9, 10]);
    await waitFor(async () => expect(await kafkaTransport.lag(topic, group)).toBe(0), patience);
    const effects = await db.dataSource.getRepository(EffectRow).find();
    expect(effects.map((e) => e.version).sort((a, b) => a - b)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
    const [letter, ...others] = await db.dataSource.getRepository(DeadLetterEntity).find();
    expect(others).toEqual([]);
    expect(letter).toMatchObject({ reason: 'invalid-payload', consumerGroup: group });
    // The batch with the poison event went event by event, in order.
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('leaves an unfinished message to the next member of the group', async () => {
    const group = `committing-${run}`;
    await transport().publish([event('a', 1, topic), event('a', 2, topic)]);
    const first: number[] = [];
    const firstConsumer = await transport().subscribe(
      topic,
      group,
      async (message) => {
        if (numberOf(message) === 2) throw new Error('not yet');
        first.push(numberOf(message));
      },
      // Retries long enough for the test to stop the consumer in the middle of them.
      { retry: { maxAttempts: 1000, initialDelayMs: 200, maxDelayMs: 200 } },
    );
    await waitFor(() => expect(first).toEqual([1]), patience);
    await firstConsumer.stop();

    // Message 2 was never committed: the group's next member gets it, and only it.
    const second: number[] = [];
    subscriptions.push(
      await transport().subscribe(topic, group, async (message) => {
        second.push(numberOf(message));
      }),
    );
    await transport().publish([event('a', 3, topic)]);
    await waitFor(() => expect(second).toEqual([2, 3]), patience);
  });

  it('dead-letters to <topic>.dlq with the reason, and the next message flows', async () => {
    const handled: number[] = [];
    const hooked: string[] = [];
    await transport().publish([event('a', 1, topic), event('a', 2, topic)]);
    subscriptions.push(
      await transport().subscribe(
        topic,
        `failing-${run}`,
        async (message) => {
          if (numberOf(message) === 1) throw new PoisonMessageError('invalid-payload', 'bad n');
          handled.push(numberOf(message));
        },
        { onDeadLetter: async (_message, info) => void hooked.push(info.reason) },
      ),
    );
    await waitFor(() => expect(handled).toEqual([2]), patience);
    const [dead] = await readRaw(deadLetterTopic(topic), 1);
    const header = (name: string) => String(dead?.headers?.[name]);
    expect(hooked).toEqual(['invalid-payload']);
    expect((JSON.parse(String(dead?.value)) as { n: number }).n).toBe(1);
    expect(String(dead?.key)).toBe('a');
    expect(header(deadLetterHeaders.reason)).toBe('invalid-payload');
    expect(header(deadLetterHeaders.originalTopic)).toBe(topic);
    expect(header(deadLetterHeaders.originalPosition)).toMatch(new RegExp(`^${topic}/\\d/\\d+$`));
    expect(header('ce_type')).toBe('certif.test.numbered.v1');
  });

  it('replays a dead letter once its cause is fixed: handled once, by the group that failed', async () => {
    const db = await testDatabase();
    const group = `replay-${run}`;
    const kafkaTransport = transport();
    const relay = new OutboxRelay({ dataSource: db.dataSource, transport: kafkaTransport });
    const outbox = new Outbox({ source: 'certif/test' });
    const handle = async (
      cloudEvent: { id: string; data: { counterId: string; version: number } },
      manager: import('typeorm').EntityManager,
    ) => {
      await manager.getRepository(EffectRow).save({
        id: randomUUID(),
        eventId: cloudEvent.id,
        counterId: cloudEvent.data.counterId,
        version: cloudEvent.data.version,
      });
    };
    await runInTransaction(db.dataSource, async (manager) => {
      await outbox.publish(manager, counterEvent(topic, false), { counterId: 'r', version: 99 });
      await outbox.publish(manager, counterEvent(topic, false), { counterId: 'r', version: 2 });
    });
    await relay.drainOnce();

    // This consumer's schema refuses version 99: dead-lettered; version 2 flows.
    const strict = new EventConsumer({
      dataSource: db.dataSource,
      transport: kafkaTransport,
      groupId: group,
    }).on(counterEvent(topic, true), handle);
    await strict.start();
    await waitFor(async () => {
      expect(await db.dataSource.getRepository(EffectRow).count()).toBe(1);
      expect(await listDeadLetters(db.dataSource)).toHaveLength(1);
    }, patience);
    await strict.stop();
    const [letter] = await listDeadLetters(db.dataSource);
    expect(letter?.reason).toBe('invalid-payload');
    expect((await readRaw(deadLetterTopic(topic), 1)).length).toBe(1);

    // The fix ships (the schema accepts it), the dead letter is replayed through Kafka.
    const fixed = new EventConsumer({
      dataSource: db.dataSource,
      transport: kafkaTransport,
      groupId: group,
    }).on(counterEvent(topic, false), handle);
    cleanups.push(() => fixed.stop());
    await fixed.start();
    const report = await replayDeadLetters(db.dataSource, { all: true });
    expect(report.replayed).toHaveLength(1);
    await relay.drainOnce();
    await waitFor(async () => {
      const versions = (await db.dataSource.getRepository(EffectRow).find()).map((e) => e.version);
      expect(versions.sort((x, y) => x - y)).toEqual([2, 99]);
    }, patience);
    // Replaying again sends nothing: the letter is marked, and the inbox would skip it anyway.
    expect((await replayDeadLetters(db.dataSource, { all: true })).replayed).toEqual([]);
    expect(await db.dataSource.getRepository(DeadLetterEntity).count()).toBe(1);
  });

  it('reports the consumer lag in the metrics: what the group has not handled yet', async () => {
    const group = `lagging-${run}`;
    const kafkaTransport = transport();
    const registry = new Registry();
    const metrics = new EventMetrics({ service: `lag-${run}`, registry });
    metrics.watchConsumer(group, [topic], kafkaTransport);
    const lagMetric = async () => {
      const metric = await registry.getSingleMetric('certif_events_consumer_lag')?.get();
      return metric?.values.find((value) => value.labels['group'] === group)?.value;
    };
    await kafkaTransport.publish(Array.from({ length: 5 }, (_, n) => event(`k${n}`, n, topic)));
    // Nothing handled yet: the whole topic is pending.
    expect(await lagMetric()).toBe(5);
    let open = false;
    const handled: number[] = [];
    subscriptions.push(
      await kafkaTransport.subscribe(
        topic,
        group,
        async (message) => {
          if (!open) throw new Error('closed for now');
          handled.push(numberOf(message));
        },
        { retry: { maxAttempts: 10_000, initialDelayMs: 100, maxDelayMs: 100 } },
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(await lagMetric()).toBe(5);
    open = true;
    await waitFor(async () => expect(await lagMetric()).toBe(0), patience);
    expect(handled.sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('a consumer that crashes is reported not ready, then made anew and consumes again', async () => {
    const kafkaTransport = transport();
    // kafkajs reports a crash through the consumer's CRASH event: capture what the transport
    // listens with, to crash it as kafkajs would after a fatal error.
    const kafka = (kafkaTransport as unknown as { kafka: Kafka }).kafka;
    const makeConsumer = jest.spyOn(kafka, 'consumer');
    const crashListeners: ((event: unknown) => void)[] = [];
    makeConsumer.mockImplementation((config) => {
      const created = Kafka.prototype.consumer.call(kafka, config);
      const on = created.on.bind(created);
      created.on = ((name: string, listener: (event: unknown) => void) => {
        if (name === created.events.CRASH) crashListeners.push(listener);
        return on(name as never, listener as never);
      }) as typeof created.on;
      return created;
    });
    const group = `crashing-${run}`;
    const handled: number[] = [];
    subscriptions.push(
      await kafkaTransport.subscribe(topic, group, async (m) => void handled.push(numberOf(m))),
    );
    await kafkaTransport.publish([event('a', 1, topic)]);
    await waitFor(() => expect(handled).toEqual([1]), patience);
    await waitFor(() => expect(kafkaTransport.health().ready).toBe(true), patience);

    present(crashListeners[0])({
      type: 'consumer.crash',
      payload: { error: new Error('fatal fetch error'), groupId: group, restart: false },
    });
    expect(kafkaTransport.health()).toEqual({
      ready: false,
      problems: [`consumer ${group} crashed: Error: fatal fetch error`],
    });
    await kafkaTransport.publish([event('a', 2, topic)]);
    await waitFor(() => {
      expect(makeConsumer).toHaveBeenCalledTimes(2);
      expect(handled).toEqual([1, 2]);
      expect(kafkaTransport.health().ready).toBe(true);
    }, patience);
  });

  it('reports itself ready once connected and consuming', async () => {
    const kafkaTransport = transport();
    await kafkaTransport.start();
    subscriptions.push(
      await kafkaTransport.subscribe(topic, `ready-${run}`, async () => undefined),
    );
    await waitFor(
      () => expect(kafkaTransport.health()).toEqual({ ready: true, problems: [] }),
      patience,
    );
  });
});
