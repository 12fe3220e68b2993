import {
  describeOnMysql,
  openTestDatabase,
  type TestDatabase,
} from '@certif/platform-persistence/testing';
import { IsNull } from 'typeorm';
import { counterIncremented, testSchema } from './events.fixtures';
import { Outbox } from './outbox';
import { OutboxMessageEntity } from './outbox-message.entity';
import { OutboxRelay } from './outbox-relay';
import { present, RecordingTransport, waitFor } from './testing';

jest.setTimeout(120_000);

describeOnMysql('OutboxRelay, several replicas on one outbox', () => {
  let db: TestDatabase;
  const outbox = new Outbox({ source: 'certif/test' });
  const repository = () => db.dataSource.getRepository(OutboxMessageEntity);

  /** `count` events per key, in rounds across the keys (a1 b1 c1 a2 b2 c2 …), 20 per transaction. */
  async function commitInterleaved(keys: string[], count: number): Promise<void> {
    const payloads: { counterId: string; version: number }[] = [];
    for (let version = 1; version <= count; version += 1) {
      for (const counterId of keys) payloads.push({ counterId, version });
    }
    for (let i = 0; i < payloads.length; i += 20) {
      await db.dataSource.transaction((manager) =>
        outbox.publishMany(manager, counterIncremented, payloads.slice(i, i + 20)),
      );
    }
  }

  const versionsPerKey = (transport: RecordingTransport) => {
    const versions = new Map<string, number[]>();
    for (const message of transport.published) {
      const { version } = JSON.parse(message.value) as { version: number };
      versions.set(message.key, [...(versions.get(message.key) ?? []), version]);
    }
    return versions;
  };

  beforeAll(async () => {
    db = await openTestDatabase('mysql', testSchema);
  });
  afterAll(() => db.close());
  beforeEach(() => repository().clear());

  it('never sends a row twice and keeps per-key order with two relays racing', async () => {
    // Fewer keys than a batch holds: each batch spans a key twice, so a replica that skipped
    // the locked rows would find a key's later rows right after them.
    const keys = Array.from({ length: 5 }, (_, i) => `key-${i}`);
    await commitInterleaved(keys, 60);
    // One shared record of what reached the broker, in the order it got there; slow sends
    // keep each relay's row locks held while the other one reads.
    const transport = new RecordingTransport().delayPublishes(() => Math.random() * 4);
    const relays = [1, 2].map(
      () =>
        new OutboxRelay({ dataSource: db.dataSource, transport, batchSize: 9, pollIntervalMs: 5 }),
    );
    await Promise.all(relays.map((relay) => relay.start()));
    try {
      await waitFor(async () => expect(await repository().countBy({ sentAt: IsNull() })).toBe(0), {
        timeoutMs: 60_000,
      });
    } finally {
      await Promise.all(relays.map((relay) => relay.stop()));
    }
    const ids = transport.published.map((message) => message.headers['ce_id']);
    expect(ids).toHaveLength(300);
    expect(new Set(ids).size).toBe(300);
    const expected = Array.from({ length: 60 }, (_, i) => i + 1);
    for (const [key, versions] of versionsPerKey(transport))
      expect([key, versions]).toEqual([key, expected]);
    // Both replicas did part of the work (otherwise the test proved nothing).
    expect(transport.publishCalls).toBeGreaterThanOrEqual(300 / 9);
  });

  it('skips a key whose earlier row another replica holds, rather than overtake it', async () => {
    await commitInterleaved(['held', 'free'], 3);
    const [heldFirst] = await repository().find({
      where: { eventKey: 'held' },
      order: { seq: 'ASC' },
    });
    // Another replica's transaction holds the key's first row.
    const other = db.dataSource.createQueryRunner();
    await other.connect();
    await other.startTransaction('READ COMMITTED');
    await other.query('SELECT seq FROM events_outbox WHERE seq = ? FOR UPDATE', [
      present(heldFirst).seq,
    ]);
    const transport = new RecordingTransport();
    const relay = new OutboxRelay({ dataSource: db.dataSource, transport });
    try {
      expect(await relay.drainOnce()).toBe(3);
      expect(versionsPerKey(transport)).toEqual(new Map([['free', [1, 2, 3]]]));
    } finally {
      await other.rollbackTransaction();
      await other.release();
    }
    expect(await relay.drainOnce()).toBe(3);
    expect(versionsPerKey(transport).get('held')).toEqual([1, 2, 3]);
  });
});
