import {
  describeOnEachDatabase,
  openTestDatabase,
  type TestDatabase,
} from '@certif/platform-persistence/testing';
import { randomUUID } from 'node:crypto';
import { IsNull, Not } from 'typeorm';
import { listDeadLetters, replayDeadLetters } from './dead-letter-admin';
import { DeadLetterEntity } from './dead-letter.entity';
import {
  EventsAdminUsageError,
  parseEventsAdminArgs,
  runEventsAdminCommand,
} from './events-admin-command';
import { counterIncremented, testSchema } from './events.fixtures';
import { InboxEntryEntity } from './inbox-entry.entity';
import { Outbox } from './outbox';
import { pruneSentOutbox, republishOutbox } from './outbox-admin';
import { OutboxMessageEntity } from './outbox-message.entity';
import { testEventMessage } from './testing';

jest.setTimeout(60_000);

describe('events-admin arguments', () => {
  it('reads each command', () => {
    expect(parseEventsAdminArgs(['--service', 'issuing', 'dead-letters', 'list'])).toEqual({
      service: 'issuing',
      command: { name: 'dead-letters list', includeReplayed: false },
    });
    expect(
      parseEventsAdminArgs(['dead-letters', 'replay', 'a', 'b', '--service', 'issuing']),
    ).toEqual({
      service: 'issuing',
      command: { name: 'dead-letters replay', ids: ['a', 'b'], all: false },
    });
    expect(
      parseEventsAdminArgs(['--service', 'sessions', 'dead-letters', 'replay', '--all']).command,
    ).toEqual({ name: 'dead-letters replay', ids: [], all: true });
    expect(
      parseEventsAdminArgs([
        '--service',
        'sessions',
        'outbox',
        'republish',
        '--from',
        '2025-03-01T08:00:00Z',
        '--to',
        '2025-03-01T09:00:00Z',
      ]).command,
    ).toEqual({
      name: 'outbox republish',
      from: new Date('2025-03-01T08:00:00Z'),
      to: new Date('2025-03-01T09:00:00Z'),
    });
  });

  it.each([
    [['dead-letters', 'list'], '--service'],
    [['--service', 'issuing', 'dead-letters', 'replay'], 'ids, or --all'],
    [['--service', 'issuing', 'dead-letters', 'replay', 'x', '--all'], 'ids, or --all'],
    [['--service', 'issuing', 'outbox', 'republish', '--from', 'yesterday', '--to', 'now'], 'ISO'],
    [['--service', 'issuing', 'outbox', 'explode'], 'unknown command'],
  ])('explains what is wrong with %j', (args, message) => {
    expect(() => parseEventsAdminArgs(args)).toThrow(EventsAdminUsageError);
    expect(() => parseEventsAdminArgs(args)).toThrow(message);
  });
});

describeOnEachDatabase('events-admin', (dialect) => {
  let db: TestDatabase;
  const outbox = new Outbox({ source: 'certif/test' });
  const deadLetters = () => db.dataSource.getRepository(DeadLetterEntity);
  const outboxRows = () => db.dataSource.getRepository(OutboxMessageEntity);

  async function storeDeadLetter(value: string, createdAt: Date): Promise<DeadLetterEntity> {
    const id = randomUUID();
    const message = testEventMessage(
      {
        id,
        type: counterIncremented.type,
        source: 'certif/sessions',
        time: createdAt.toISOString(),
        data: null,
      },
      { topic: counterIncremented.topic, key: 'c1' },
    );
    const row: DeadLetterEntity = {
      id: randomUUID(),
      consumerGroup: 'issuing',
      topic: message.topic,
      eventKey: message.key,
      eventId: id,
      eventType: counterIncremented.type,
      sourcePosition: `test.counter.v1/0/${Math.floor(Math.random() * 1e9)}`,
      reason: 'handler-failed',
      error: 'Error: certification not found',
      attempts: 5,
      message: { headers: { ...message.headers }, value },
      createdAt,
      replayedAt: null,
    };
    await deadLetters().insert(row);
    return row;
  }

  beforeAll(async () => {
    db = await openTestDatabase(dialect, testSchema);
  });
  afterAll(() => db.close());
  beforeEach(async () => {
    await deadLetters().clear();
    await outboxRows().clear();
  });

  it('lists dead letters, oldest first, and prints them as a table', async () => {
    const older = await storeDeadLetter(
      '{"counterId":"c1","version":1}',
      new Date('2025-03-01T08:00:00Z'),
    );
    const newer = await storeDeadLetter(
      '{"counterId":"c1","version":2}',
      new Date('2025-03-01T09:00:00Z'),
    );
    expect((await listDeadLetters(db.dataSource)).map((letter) => letter.id)).toEqual([
      older.id,
      newer.id,
    ]);
    const lines: string[] = [];
    await runEventsAdminCommand(
      { name: 'dead-letters list', includeReplayed: false },
      db.dataSource,
      (line) => lines.push(line),
    );
    const printed = lines.join('\n');
    expect(printed).toMatch(/^id\s+created\s+group\s+topic/);
    expect(printed).toContain(older.id);
    expect(printed).toContain('handler-failed');
    expect(printed).toContain('certification not found');
  });

  it('replays a dead letter through the outbox, once, with its original id', async () => {
    const letter = await storeDeadLetter('{"counterId":"c1","version":1}', new Date());
    const unreadable = await storeDeadLetter('{"counterId":', new Date());
    const report = await replayDeadLetters(db.dataSource, { all: true });
    expect(report.replayed).toEqual([letter.id]);
    expect(report.skipped).toEqual([
      { id: unreadable.id, reason: expect.stringContaining('invalid-json') },
    ]);
    const [row, ...others] = await outboxRows().find();
    expect(others).toEqual([]);
    expect(row).toMatchObject({
      eventId: letter.eventId,
      topic: 'test.counter.v1',
      eventKey: 'c1',
      sentAt: null,
    });
    expect(row?.envelope).toMatchObject({
      id: letter.eventId,
      source: 'certif/sessions',
      data: { counterId: 'c1', version: 1 },
    });
    expect((await deadLetters().findOneByOrFail({ id: letter.id })).replayedAt).not.toBeNull();
    expect(await listDeadLetters(db.dataSource)).toHaveLength(1);
    expect(await listDeadLetters(db.dataSource, { includeReplayed: true })).toHaveLength(2);
    // Again: nothing more is sent.
    const again = await replayDeadLetters(db.dataSource, { ids: [letter.id, 'nope'] });
    expect(again.replayed).toEqual([]);
    expect(again.skipped.map((skipped) => skipped.reason)).toEqual([
      expect.stringContaining('already replayed'),
      'no such dead letter',
    ]);
    expect(await outboxRows().count()).toBe(1);
  });

  it('marks the sent rows of a time range unsent, and prunes old sent rows', async () => {
    const at = (iso: string) => new Outbox({ source: 'certif/test', now: () => new Date(iso) });
    for (const [iso, version] of [
      ['2025-03-01T07:59:59.999Z', 1],
      ['2025-03-01T08:00:00.000Z', 2],
      ['2025-03-01T08:59:59.999Z', 3],
      ['2025-03-01T09:00:00.000Z', 4],
    ] as const) {
      await db.dataSource.transaction((manager) =>
        at(iso).publish(manager, counterIncremented, { counterId: 'c1', version }),
      );
    }
    await db.dataSource.transaction((manager) =>
      outbox.publish(manager, counterIncremented, { counterId: 'c1', version: 5 }),
    );
    await outboxRows().update({ eventKey: 'c1' }, { sentAt: new Date('2025-03-01T10:00:00Z') });
    const count = await republishOutbox(db.dataSource, {
      from: new Date('2025-03-01T08:00:00Z'),
      to: new Date('2025-03-01T09:00:00Z'),
    });
    expect(count).toBe(2);
    const unsent = await outboxRows().find({ where: { sentAt: IsNull() }, order: { seq: 'ASC' } });
    expect(unsent.map((row) => row.envelope.data)).toEqual([
      { counterId: 'c1', version: 2 },
      { counterId: 'c1', version: 3 },
    ]);
    expect(await pruneSentOutbox(db.dataSource, new Date('2025-03-01T10:00:00.001Z'))).toBe(3);
    expect(await outboxRows().countBy({ sentAt: Not(IsNull()) })).toBe(0);
    await expect(
      republishOutbox(db.dataSource, { from: new Date('2025-03-02'), to: new Date('2025-03-01') }),
    ).rejects.toThrow('--from must be before --to');
  });

  it('forgets inbox entries older than asked, through the command', async () => {
    const inbox = db.dataSource.getRepository(InboxEntryEntity);
    await inbox.clear();
    for (const [eventId, processedAt] of [
      ['old', '2025-01-01T00:00:00Z'],
      ['recent', '2025-06-01T00:00:00Z'],
    ] as const) {
      await inbox.insert({
        consumerGroup: 'issuing',
        eventId,
        topic: 't',
        eventType: 't',
        processedAt: new Date(processedAt),
      });
    }
    const { command } = parseEventsAdminArgs([
      '--service',
      'issuing',
      'inbox',
      'prune',
      '--before',
      '2025-03-01T00:00:00Z',
    ]);
    const lines: string[] = [];
    await runEventsAdminCommand(command, db.dataSource, (line) => lines.push(line));
    expect(lines).toEqual(['1 inbox row(s) deleted.']);
    expect((await inbox.find()).map((entry) => entry.eventId)).toEqual(['recent']);
  });
});
