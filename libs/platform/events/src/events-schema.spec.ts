import { pendingSchemaChanges } from '@certif/platform-persistence';
import {
  describeOnEachDatabase,
  openTestDatabase,
  type TestDatabase,
} from '@certif/platform-persistence/testing';
import { OutboxMessageEntity } from './outbox-message.entity';
import { eventsSchema } from './events-schema';

jest.setTimeout(60_000);

describeOnEachDatabase('eventsSchema', (dialect) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(dialect, eventsSchema);
  });
  afterAll(() => db.close());

  it(
    dialect === 'mysql'
      ? 'migrations leave no schema change pending'
      : 'synchronize leaves no schema change pending',
    async () => {
      expect(await pendingSchemaChanges(db.dataSource)).toEqual([]);
    },
  );

  it('keeps millisecond timestamps and JSON envelopes', async () => {
    const createdAt = new Date('2025-03-01T08:00:00.123Z');
    const envelope = {
      specversion: '1.0' as const,
      id: 'e1',
      type: 't',
      source: 's',
      time: createdAt.toISOString(),
      datacontenttype: 'application/json' as const,
      correlationid: 'e1',
      data: { big: 'x'.repeat(100_000), accents: 'Développeur — titre' },
    };
    await db.dataSource.getRepository(OutboxMessageEntity).insert({
      eventId: 'e1',
      topic: 't',
      eventKey: 'k',
      eventType: 't',
      envelope,
      createdAt,
      availableAt: createdAt,
      sentAt: null,
      attempts: 0,
      lastError: null,
    });
    const row = await db.dataSource
      .getRepository(OutboxMessageEntity)
      .findOneByOrFail({ eventId: 'e1' });
    expect(row.createdAt.toISOString()).toBe('2025-03-01T08:00:00.123Z');
    expect(row.envelope).toEqual(envelope);
    expect(row.seq).toBeGreaterThan(0);
  });
});
