import {
  describeOnEachDatabase,
  openTestDatabase,
  type TestDatabase,
} from '@certif/platform-persistence/testing';
import { IsNull } from 'typeorm';
import { decodeCloudEvent } from './cloud-event';
import { counterIncremented, testSchema } from './events.fixtures';
import { Outbox } from './outbox';
import { OutboxMessageEntity } from './outbox-message.entity';
import { OutboxRelay, type OutboxRelayOptions } from './outbox-relay';
import { runInTransaction } from './run-in-transaction';
import { present, RecordingTransport, waitFor } from './testing';
import type { TransportMessage } from './transport-message';

jest.setTimeout(60_000);

const noJitter = { jitter: 0 };

/** Refuses every batch that holds a message of the given key (say, one too large for Kafka). */
class RefusingTransport extends RecordingTransport {
  constructor(private readonly refusedKey: string) {
    super();
  }
  override async publish(messages: readonly TransportMessage[]): Promise<void> {
    this.publishCalls += 1;
    if (messages.some((message) => message.key === this.refusedKey)) {
      throw new Error(`message of ${this.refusedKey} too large`);
    }
    this.publishCalls -= 1;
    return super.publish(messages);
  }
}

describeOnEachDatabase('OutboxRelay', (dialect) => {
  let db: TestDatabase;
  const outbox = new Outbox({ source: 'certif/test' });
  const relays: OutboxRelay[] = [];
  const repository = () => db.dataSource.getRepository(OutboxMessageEntity);

  const relay = (options: Partial<OutboxRelayOptions> & { transport: RecordingTransport }) => {
    const created = new OutboxRelay({ dataSource: db.dataSource, ...options });
    relays.push(created);
    return created;
  };

  /** Commits one event per (counter, version) given, in that order, one transaction each. */
  async function commit(events: [string, number][]): Promise<void> {
    for (const [counterId, version] of events) {
      await runInTransaction(db.dataSource, (manager) =>
        outbox.publish(manager, counterIncremented, { counterId, version }),
      );
    }
  }

  const sentPayloads = (transport: RecordingTransport) =>
    transport.published.map((message) => JSON.parse(message.value) as unknown);

  beforeAll(async () => {
    db = await openTestDatabase(dialect, testSchema);
  });
  afterAll(() => db.close());
  beforeEach(() => repository().clear());
  afterEach(async () => {
    await Promise.all(relays.splice(0).map((r) => r.stop()));
  });

  it('sends committed rows in order, as CloudEvents, and marks them sent', async () => {
    await commit([
      ['a', 1],
      ['b', 1],
      ['a', 2],
    ]);
    const transport = new RecordingTransport();
    expect(await relay({ transport }).drainOnce()).toBe(3);
    expect(sentPayloads(transport)).toEqual([
      { counterId: 'a', version: 1 },
      { counterId: 'b', version: 1 },
      { counterId: 'a', version: 2 },
    ]);
    const decoded = decodeCloudEvent(present(transport.published[0]));
    expect(decoded.type).toBe('certif.test.counter-incremented.v1');
    expect(transport.published[0]?.key).toBe('a');
    const rows = await repository().find();
    expect(rows.every((row) => row.sentAt !== null && row.attempts === 1)).toBe(true);
    expect(await relay({ transport }).drainOnce()).toBe(0);
  });

  it('loses nothing when the process dies between commit and relay', async () => {
    await commit([
      ['a', 1],
      ['a', 2],
      ['b', 1],
      ['a', 3],
      ['b', 2],
    ]);
    // The first relay gets through one batch, then its process is gone.
    const transport = new RecordingTransport();
    expect(await relay({ transport, batchSize: 2 }).drainOnce()).toBe(2);
    // After the restart, a new relay finds the rest.
    const restarted = relay({ transport, batchSize: 2, pollIntervalMs: 10 });
    await restarted.start();
    await waitFor(() => expect(transport.published).toHaveLength(5));
    expect(sentPayloads(transport)).toEqual([
      { counterId: 'a', version: 1 },
      { counterId: 'a', version: 2 },
      { counterId: 'b', version: 1 },
      { counterId: 'a', version: 3 },
      { counterId: 'b', version: 2 },
    ]);
    expect(await repository().countBy({ sentAt: IsNull() })).toBe(0);
  });

  it('retries a failed send with exponential backoff, recording attempts and the error', async () => {
    await commit([['a', 1]]);
    const start = Date.now() + 1;
    let now = new Date(start);
    const at = (ms: number) => (now = new Date(start + ms));
    const transport = new RecordingTransport().failNextPublishes(2);
    const backoff = relay({
      transport,
      now: () => now,
      retry: { ...noJitter, initialDelayMs: 1000, factor: 2 },
    });
    expect(await backoff.drainOnce()).toBe(0);
    let [row] = await repository().find();
    expect(row).toMatchObject({
      attempts: 1,
      lastError: 'Error: broker unavailable',
      sentAt: null,
    });
    expect(row?.availableAt.getTime()).toBe(start + 1000);

    at(999);
    expect(await backoff.drainOnce()).toBe(0);
    expect(transport.publishCalls).toBe(1);

    at(1000);
    expect(await backoff.drainOnce()).toBe(0);
    [row] = await repository().find();
    expect(row).toMatchObject({ attempts: 2, sentAt: null });
    expect(row?.availableAt.getTime()).toBe(start + 3000);

    at(3000);
    expect(await backoff.drainOnce()).toBe(1);
    [row] = await repository().find();
    expect(row).toMatchObject({ attempts: 3, lastError: null });
    expect(row?.sentAt).not.toBeNull();
    expect(transport.published).toHaveLength(1);
  });

  it('keeps a key whose send failed in order, and lets the other keys through', async () => {
    await commit([
      ['a', 1],
      ['poison', 1],
      ['b', 1],
      ['poison', 2],
      ['a', 2],
    ]);
    const transport = new RefusingTransport('poison');
    const refusing = relay({ transport, retry: { ...noJitter, initialDelayMs: 60_000 } });
    expect(await refusing.drainOnce()).toBe(3);
    expect(sentPayloads(transport)).toEqual([
      { counterId: 'a', version: 1 },
      { counterId: 'a', version: 2 },
      { counterId: 'b', version: 1 },
    ]);
    const poison = await repository().find({
      where: { eventKey: 'poison' },
      order: { seq: 'ASC' },
    });
    expect(poison.map((row) => [row.sentAt, row.attempts])).toEqual([
      [null, 1],
      [null, 1],
    ]);
    expect(poison[0]?.lastError).toContain('too large');
    // Later rows of a key in backoff wait behind it.
    await commit([
      ['poison', 3],
      ['b', 2],
    ]);
    expect(await refusing.drainOnce()).toBe(1);
    expect(sentPayloads(transport).at(-1)).toEqual({ counterId: 'b', version: 2 });
  });

  it('is woken by a commit rather than by its poll', async () => {
    const transport = new RecordingTransport();
    // An hour between polls: only the commit signal can deliver within the test's patience.
    const sleepy = relay({ transport, pollIntervalMs: 3_600_000 });
    await sleepy.start();
    await commit([['a', 1]]);
    await waitFor(() => expect(transport.published).toHaveLength(1));
    // Now surely asleep until the next poll, an hour away.
    await commit([['a', 2]]);
    await waitFor(() => expect(transport.published).toHaveLength(2));
  });

  it('finishes the batch in progress when stopped', async () => {
    await commit([
      ['a', 1],
      ['b', 1],
    ]);
    let releasePublish!: () => void;
    const publishing = new Promise<void>((resolve) => (releasePublish = resolve));
    const transport = new RecordingTransport();
    const inner = transport.publish.bind(transport);
    transport.publish = async (messages) => {
      await publishing;
      return inner(messages);
    };
    const stopping = relay({ transport, pollIntervalMs: 3_600_000 });
    await stopping.start();
    const stopped = stopping.stop();
    releasePublish();
    await stopped;
    expect(transport.published).toHaveLength(2);
    expect(await repository().countBy({ sentAt: IsNull() })).toBe(0);
  });
});
