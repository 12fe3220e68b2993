import { describeOnEachDatabase } from '@certif/platform-persistence/testing';
import { Registry } from 'prom-client';
import { replayDeadLetters } from './dead-letter-admin';
import { DeadLetterEntity } from './dead-letter.entity';
import type { EmbeddedTransport } from './embedded-transport';
import { EventMetrics } from './event-metrics';
import {
  counterConsumer,
  counterIncremented,
  counterMessage,
  recordEffect,
  useCounterDatabase,
} from './events.fixtures';
import type { EventConsumer } from './idempotent-consumer';
import { InboxEntryEntity } from './inbox-entry.entity';
import { causedBy, Outbox } from './outbox';
import { OutboxMessageEntity } from './outbox-message.entity';
import { OutboxRelay } from './outbox-relay';
import { createInMemoryTransport, fastRetry, present, waitFor } from './testing';

jest.setTimeout(60_000);

describeOnEachDatabase('EventConsumer', (dialect) => {
  const db = useCounterDatabase(dialect);
  let transport: EmbeddedTransport;
  let consumer: EventConsumer | undefined;
  let registry: Registry;
  const effects = () => db.effects();
  const deadLetters = () =>
    db.dataSource.getRepository(DeadLetterEntity).find({ order: { createdAt: 'ASC' } });

  async function startConsumer(handler = recordEffect): Promise<EventConsumer> {
    const metrics = new EventMetrics({ service: 'issuing', registry });
    consumer = counterConsumer({ dataSource: db.dataSource, transport, metrics }, handler);
    await consumer.start();
    return consumer;
  }

  const consumed = async (outcome: string) => {
    const metric = await present(registry.getSingleMetric('certif_events_consumed_total')).get();
    return metric.values.find((value) => value.labels['outcome'] === outcome)?.value ?? 0;
  };

  beforeEach(() => {
    transport = createInMemoryTransport();
    registry = new Registry();
  });
  afterEach(async () => {
    await consumer?.stop();
    await transport.stop();
  });

  it('processes a duplicated event once', async () => {
    await startConsumer();
    const message = counterMessage({ counterId: 'c1', version: 1 });
    await transport.publish([message, message]);
    await transport.publish([message]);
    await waitFor(async () => expect(await consumed('duplicate')).toBe(2));
    expect((await effects()).map((effect) => effect.version)).toEqual([1]);
    expect(await db.dataSource.getRepository(InboxEntryEntity).count()).toBe(1);
    expect(await consumed('processed')).toBe(1);
  });

  it('dead-letters a body that is not JSON, and the next message still flows', async () => {
    await startConsumer();
    const broken = {
      ...counterMessage({ counterId: 'c1', version: 1 }),
      value: '{"counterId": "c1",',
    };
    await transport.publish([broken, counterMessage({ counterId: 'c1', version: 2 })]);
    await waitFor(async () =>
      expect((await effects()).map((effect) => effect.version)).toEqual([2]),
    );
    const [letter, ...others] = await deadLetters();
    expect(others).toEqual([]);
    expect(letter).toMatchObject({
      consumerGroup: 'issuing',
      topic: 'test.counter.v1',
      eventKey: 'c1',
      eventId: broken.headers['ce_id'],
      reason: 'invalid-envelope',
      attempts: 1,
      replayedAt: null,
    });
    expect(letter?.error).toContain('invalid-json');
    expect(letter?.message).toEqual({ headers: broken.headers, value: broken.value });
    expect(transport.bus.messages('test.counter.v1.dlq')).toHaveLength(1);
  });

  it('dead-letters a payload its schema refuses, and the next message still flows', async () => {
    await startConsumer();
    const invalid = counterMessage({ counterId: 'c1', version: -3 });
    await transport.publish([invalid, counterMessage({ counterId: 'c1', version: 1 })]);
    await waitFor(async () =>
      expect((await effects()).map((effect) => effect.version)).toEqual([1]),
    );
    const [letter] = await deadLetters();
    expect(letter).toMatchObject({ reason: 'invalid-payload', eventId: invalid.headers['ce_id'] });
    expect(letter?.error).toContain('version');
    expect(await db.dataSource.getRepository(InboxEntryEntity).count()).toBe(1);
    const dead = await present(registry.getSingleMetric('certif_events_dead_letters_total')).get();
    expect(dead.values).toEqual([
      expect.objectContaining({
        value: 1,
        labels: expect.objectContaining({ reason: 'invalid-payload' }),
      }),
    ]);
  });

  it('retries a handler that fails twice, rolling back its writes, and processes it once', async () => {
    const attempts: number[] = [];
    await startConsumer(async (event, manager) => {
      await recordEffect(event, manager);
      attempts.push(attempts.length + 1);
      if (attempts.length < 3) throw new Error('deadlock found when trying to get lock');
    });
    await transport.publish([counterMessage({ counterId: 'c1', version: 1 })]);
    await waitFor(async () => expect(await consumed('processed')).toBe(1));
    expect(attempts).toEqual([1, 2, 3]);
    expect(await effects()).toHaveLength(1);
    expect(await deadLetters()).toEqual([]);
  });

  it('waits out a database outage however long it lasts, without dead-lettering', async () => {
    let failures = 0;
    await startConsumer(async (event, manager) => {
      // Ten times maxAttempts: an outage, not the event's fault.
      if (failures < 10 * fastRetry.maxAttempts) {
        failures += 1;
        throw Object.assign(new Error('Connection lost: The server closed the connection.'), {
          code: 'PROTOCOL_CONNECTION_LOST',
        });
      }
      await recordEffect(event, manager);
    });
    await transport.publish([counterMessage({ counterId: 'c1', version: 1 })]);
    await waitFor(async () => expect(await consumed('processed')).toBe(1));
    expect(failures).toBe(30);
    expect(await effects()).toHaveLength(1);
    expect(await deadLetters()).toEqual([]);
  });

  it('dead-letters at once an event a domain rule refuses', async () => {
    class InvalidInput extends Error {
      readonly code = 'BAD_USER_INPUT';
    }
    let tries = 0;
    await startConsumer(async () => {
      tries += 1;
      throw new InvalidInput('R5: the component does not belong to this certification');
    });
    await transport.publish([counterMessage({ counterId: 'c1', version: 1 })]);
    await waitFor(async () => expect(await deadLetters()).toHaveLength(1));
    expect(tries).toBe(1);
    const [letter] = await deadLetters();
    expect(letter).toMatchObject({ reason: 'rule-refused', attempts: 1 });
    expect(letter?.error).toContain('R5');
  });

  it('dead-letters an event from a source the contract does not name for its topic', async () => {
    await startConsumer();
    const forged = counterMessage({ counterId: 'c1', version: 1 }, { source: 'certif/sessions' });
    await transport.publish([forged, counterMessage({ counterId: 'c1', version: 2 })]);
    await waitFor(async () =>
      expect((await effects()).map((effect) => effect.version)).toEqual([2]),
    );
    const [letter] = await deadLetters();
    expect(letter).toMatchObject({ reason: 'untrusted-source', eventId: forged.headers['ce_id'] });
    expect(letter?.error).toContain('must come from certif/test, not "certif/sessions"');
  });

  it('reports whether it is consuming', async () => {
    const started = await startConsumer();
    expect(started.consuming).toBe(true);
    await started.stop();
    expect(started.consuming).toBe(false);
  });

  it('dead-letters an event whose handler keeps failing, then goes on with its key', async () => {
    await startConsumer(async (event, manager) => {
      if (event.data.version === 1) throw new Error('certification not found');
      await recordEffect(event, manager);
    });
    await transport.publish([
      counterMessage({ counterId: 'c1', version: 1 }),
      counterMessage({ counterId: 'c1', version: 2 }),
    ]);
    await waitFor(async () =>
      expect((await effects()).map((effect) => effect.version)).toEqual([2]),
    );
    const [letter] = await deadLetters();
    expect(letter).toMatchObject({ reason: 'handler-failed', attempts: 3 });
    expect(letter?.error).toContain('certification not found');
  });

  it('processes a dead letter replayed once its cause is fixed', async () => {
    let fixed = false;
    await startConsumer(async (event, manager) => {
      if (!fixed) throw new Error('certification not found');
      await recordEffect(event, manager);
    });
    await transport.publish([counterMessage({ counterId: 'c1', version: 1 })]);
    await waitFor(async () => expect(await deadLetters()).toHaveLength(1));
    fixed = true;
    expect((await replayDeadLetters(db.dataSource, { all: true })).replayed).toHaveLength(1);
    expect(await new OutboxRelay({ dataSource: db.dataSource, transport }).drainOnce()).toBe(1);
    await waitFor(async () =>
      expect((await effects()).map((effect) => effect.version)).toEqual([1]),
    );
  });

  it('ignores event types it has no handler for', async () => {
    await startConsumer();
    await transport.publish([
      counterMessage({ counterId: 'c1', version: 1 }, { type: 'certif.test.counter-reset.v1' }),
      counterMessage({ counterId: 'c1', version: 1 }),
    ]);
    await waitFor(async () => expect(await consumed('processed')).toBe(1));
    expect(await consumed('ignored')).toBe(1);
    expect(await deadLetters()).toEqual([]);
    expect(await db.dataSource.getRepository(InboxEntryEntity).count()).toBe(1);
  });

  it('commits follow-up events with the handler, chained to their cause', async () => {
    const outbox = new Outbox({ source: 'certif/issuing' });
    await startConsumer(async (event, manager) => {
      await recordEffect(event, manager);
      await outbox.publish(
        manager,
        counterIncremented,
        { counterId: `${event.data.counterId}-copy`, version: event.data.version },
        causedBy(event),
      );
    });
    const message = counterMessage({ counterId: 'c1', version: 1 });
    await transport.publish([message]);
    await waitFor(async () => expect(await effects()).toHaveLength(1));
    const [row] = await db.dataSource.getRepository(OutboxMessageEntity).find();
    expect(row?.envelope.causationid).toBe(message.headers['ce_id']);
    expect(row?.envelope.correlationid).toBe(message.headers['ce_correlationid']);
  });
});
