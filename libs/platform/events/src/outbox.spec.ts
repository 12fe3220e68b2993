import {
  describeOnEachDatabase,
  openTestDatabase,
  type TestDatabase,
} from '@certif/platform-persistence/testing';
import { InvalidEventPayload } from './event-definition';
import { counterIncremented, CounterRow, increment, testSchema } from './events.fixtures';
import { causedBy, Outbox } from './outbox';
import { OutboxMessageEntity } from './outbox-message.entity';
import { OutboxRelay } from './outbox-relay';
import { runInTransaction } from './run-in-transaction';
import { RecordingTransport } from './testing';

jest.setTimeout(60_000);

describeOnEachDatabase('Outbox', (dialect) => {
  let db: TestDatabase;
  const outbox = new Outbox({ source: 'certif/test' });
  const rows = () =>
    db.dataSource.getRepository(OutboxMessageEntity).find({ order: { seq: 'ASC' } });

  beforeAll(async () => {
    db = await openTestDatabase(dialect, testSchema);
  });
  afterAll(() => db.close());
  beforeEach(async () => {
    await db.dataSource.getRepository(OutboxMessageEntity).clear();
    await db.dataSource.getRepository(CounterRow).clear();
  });

  it("writes the event in the caller's transaction, as a CloudEvent", async () => {
    const published = await runInTransaction(db.dataSource, async (manager) => {
      const version = await increment(manager, 'counter-1');
      return outbox.publish(manager, counterIncremented, { counterId: 'counter-1', version });
    });
    const [row, ...others] = await rows();
    expect(others).toEqual([]);
    expect(row).toMatchObject({
      eventId: published.id,
      topic: 'test.counter.v1',
      eventKey: 'counter-1',
      eventType: 'certif.test.counter-incremented.v1',
      sentAt: null,
      attempts: 0,
      lastError: null,
    });
    expect(row?.envelope).toEqual({
      specversion: '1.0',
      id: published.id,
      type: 'certif.test.counter-incremented.v1',
      source: 'certif/test',
      time: published.time,
      subject: 'counter-1',
      datacontenttype: 'application/json',
      correlationid: published.id,
      data: { counterId: 'counter-1', version: 1 },
    });
    expect(published.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('publishes nothing for a change that rolled back', async () => {
    await expect(
      runInTransaction(db.dataSource, async (manager) => {
        const version = await increment(manager, 'counter-1');
        await outbox.publish(manager, counterIncremented, { counterId: 'counter-1', version });
        throw new Error('the jury decision is refused after all');
      }),
    ).rejects.toThrow('refused after all');
    expect(await rows()).toEqual([]);
    expect(await db.dataSource.getRepository(CounterRow).count()).toBe(0);
    const transport = new RecordingTransport();
    const relay = new OutboxRelay({ dataSource: db.dataSource, transport });
    expect(await relay.drainOnce()).toBe(0);
    expect(transport.published).toEqual([]);
  });

  it('refuses a payload its own schema refuses, and writes nothing', async () => {
    const publishing = runInTransaction(db.dataSource, (manager) =>
      outbox.publish(manager, counterIncremented, { counterId: 'counter-1', version: -1 }),
    );
    await expect(publishing).rejects.toBeInstanceOf(InvalidEventPayload);
    await expect(publishing).rejects.toThrow('version');
    expect(await rows()).toEqual([]);
  });

  it('chains a follow-up event to its cause', async () => {
    await runInTransaction(db.dataSource, async (manager) => {
      const first = await outbox.publish(manager, counterIncremented, {
        counterId: 'c',
        version: 1,
      });
      const second = await outbox.publish(
        manager,
        counterIncremented,
        { counterId: 'c', version: 2 },
        causedBy(first),
      );
      expect(second.correlationid).toBe(first.id);
      expect(second.causationid).toBe(first.id);
    });
  });

  it('writes several events in one statement, in order', async () => {
    const payloads = [1, 2, 3].map((version) => ({ counterId: 'c', version }));
    const events = await runInTransaction(db.dataSource, (manager) =>
      outbox.publishMany(manager, counterIncremented, payloads),
    );
    const stored = await rows();
    expect(stored.map((row) => row.eventId)).toEqual(events.map((event) => event.id));
    expect(stored.map((row) => row.envelope.data)).toEqual(payloads);
  });
});
