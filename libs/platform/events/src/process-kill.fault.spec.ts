import {
  describeOnMysql,
  openTestDatabase,
  type TestDatabase,
} from '@certif/platform-persistence/testing';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { IsNull, Not } from 'typeorm';
import { EffectRow, counterIncremented, testSchema } from './events.fixtures';
import { EventConsumer } from './idempotent-consumer';
import { OutboxMessageEntity } from './outbox-message.entity';
import { OutboxRelay } from './outbox-relay';
import { createInMemoryTransport, waitFor } from './testing';

// FAULT TEST: a process killed (SIGKILL, no shutdown hook) after committing its changes and
// while its relay holds them, before any is marked sent. Nothing is lost: the next relay to run
// sends every event, once, in order.

jest.setTimeout(180_000);

const root = resolve(__dirname, '../../../..');
const COUNT = 25;

describeOnMysql('a process killed between commit and relay', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase('mysql', testSchema);
  });
  afterAll(() => db.close());

  /** Runs the fixture until it says `signal`, then kills it with SIGKILL. */
  function runUntil(signal: string): Promise<string> {
    return new Promise((done, fail) => {
      const child = spawn(
        process.execPath,
        [
          '-r',
          'ts-node/register/transpile-only',
          '-r',
          'tsconfig-paths/register',
          resolve(__dirname, 'commit-then-die.fixture.ts'),
        ],
        {
          cwd: root,
          env: {
            ...process.env,
            TS_NODE_PROJECT: resolve(root, 'tsconfig.json'),
            TARGET: JSON.stringify(db.target),
            COUNT: String(COUNT),
          },
        },
      );
      let output = '';
      const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes(signal)) child.kill('SIGKILL');
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code, killedBy) => {
        clearTimeout(timer);
        if (killedBy === 'SIGKILL' && output.includes(signal)) done(output);
        else
          fail(new Error(`the fixture ended (${code ?? killedBy}) before ${signal}:\n${output}`));
      });
    });
  }

  it('loses nothing: the next relay sends every committed event once, in order', async () => {
    await runUntil('RELAYING');
    const outbox = db.dataSource.getRepository(OutboxMessageEntity);
    expect(await outbox.count({ where: { sentAt: IsNull() } })).toBe(COUNT);

    const transport = createInMemoryTransport();
    const versions: number[] = [];
    const consumer = new EventConsumer({
      dataSource: db.dataSource,
      transport,
      groupId: 'issuing',
    }).on(counterIncremented, async (event, manager) => {
      versions.push(event.data.version);
      await manager.getRepository(EffectRow).insert({
        id: event.id,
        eventId: event.id,
        counterId: event.data.counterId,
        version: event.data.version,
      });
    });
    await consumer.start();
    const relay = new OutboxRelay({ dataSource: db.dataSource, transport });
    await relay.start();
    try {
      await waitFor(
        async () => expect(await outbox.count({ where: { sentAt: Not(IsNull()) } })).toBe(COUNT),
        {
          timeoutMs: 60_000,
        },
      );
      await waitFor(
        async () => expect(await db.dataSource.getRepository(EffectRow).count()).toBe(COUNT),
        {
          timeoutMs: 60_000,
        },
      );
      expect(versions).toEqual(Array.from({ length: COUNT }, (_, index) => index + 1));
    } finally {
      await relay.stop();
      await consumer.stop();
      await transport.stop();
    }
  });
});
