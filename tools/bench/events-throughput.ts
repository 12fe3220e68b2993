// Events per second through outbox → relay → embedded transport → idempotent consumer on
// MariaDB/MySQL, beside plain batched INSERTs of the same rows. A scratch database is created and
// dropped at the end.
//   node -r ts-node/register/transpile-only -r tsconfig-paths/register tools/bench/events-throughput.ts
// Env: BENCH_DATABASE_URL (default mysql://root@127.0.0.1:3306), EVENTS (default 3000).
import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import {
  defineEvent,
  EmbeddedBus,
  EmbeddedTransport,
  eventsSchema,
  Outbox,
  OutboxRelay,
} from '@certif/platform-events';
import { insertOutboxRows, referenceOutboxRow, startCountingPipeline } from './insert-reference';
import {
  databaseTarget,
  dropMysqlDatabase,
  openDataSource,
  type MysqlTarget,
} from '@certif/platform-persistence';

const events = Number(process.env['EVENTS'] ?? 3000);
const writers = 8;
const serverUrl = process.env['BENCH_DATABASE_URL'] ?? 'mysql://root@127.0.0.1:3306';

/** A payload of the size of a real one (a component awarded by a jury). */
const ccpAcquired = defineEvent({
  type: 'certif.sessions.ccp-acquired.v1',
  topic: 'sessions.ccp-acquired.v1',
  schema: z.object({
    candidateId: z.string(),
    certificationCode: z.string(),
    componentCode: z.string(),
    componentTitle: z.string(),
    sessionId: z.string(),
    decidedOn: z.string(),
  }),
  key: (payload) => payload.candidateId,
});

const candidates = Array.from({ length: 200 }, () => randomUUID());
const payload = (i: number) => ({
  candidateId: candidates[i % candidates.length] ?? '',
  certificationCode: 'RNCP37873',
  componentCode: `CCP${(i % 3) + 1}`,
  componentTitle: 'Développer des composants d’accès aux données SQL et NoSQL',
  sessionId: '5d0c1a52-6b0e-4a4f-9b0b-2f3c1e0d9a77',
  decidedOn: '2025-06-30',
});

interface Result {
  scenario: string;
  seconds: number;
}

async function timed(scenario: string, work: () => Promise<void>): Promise<Result> {
  const started = process.hrtime.bigint();
  await work();
  return { scenario, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

async function clear(dataSource: DataSource): Promise<void> {
  for (const table of ['events_outbox', 'events_inbox', 'events_dead_letter']) {
    await dataSource.query(`TRUNCATE TABLE \`${table}\``);
  }
}

/** `count` items split over `writers` concurrent loops. */
async function concurrently(count: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      for (let i = next++; i < count; i = next++) await work(i);
    }),
  );
}

async function until(condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('the pipeline did not catch up within 2 minutes');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function run(dataSource: DataSource): Promise<Result[]> {
  const outbox = new Outbox({ source: 'certif/sessions' });
  const results: Result[] = [];

  // Warm-up (JIT, connection pool, buffer pool), not measured.
  await concurrently(300, (i) =>
    dataSource.transaction(async (manager) => {
      await outbox.publish(manager, ccpAcquired, payload(i));
    }),
  );
  await clear(dataSource);

  // Reference: the same rows, 100 per INSERT, no outbox logic, no event per transaction.
  const rows = Array.from({ length: events }, (_, i) => referenceOutboxRow(payload(i)));
  results.push(
    await timed('reference: batched INSERT, 100 rows per statement', () =>
      insertOutboxRows(dataSource, rows),
    ),
  );
  await clear(dataSource);

  results.push(
    await timed(`outbox.publish, 1 event per transaction, ${writers} writers`, () =>
      concurrently(events, (i) =>
        dataSource.transaction(async (manager) => {
          await outbox.publish(manager, ccpAcquired, payload(i));
        }),
      ),
    ),
  );

  const bus = new EmbeddedBus();
  const relayOnly = new OutboxRelay({
    dataSource,
    transport: new EmbeddedTransport({ bus }),
    batchSize: 200,
  });
  results.push(
    await timed('relay alone: those rows → embedded transport, batches of 200', async () => {
      while ((await relayOnly.drainOnce()) > 0);
    }),
  );
  await clear(dataSource);

  results.push(
    await timed('outbox.publishMany, 100 events per transaction', async () => {
      for (let i = 0; i < events; i += 100) {
        const batch = Array.from({ length: Math.min(100, events - i) }, (_, j) => payload(i + j));
        await dataSource.transaction((manager) => outbox.publishMany(manager, ccpAcquired, batch));
      }
    }),
  );
  await clear(dataSource);

  // End to end: writers publish while the relay sends and the consumer handles.
  const pipeline = await startCountingPipeline(dataSource, ccpAcquired, {
    groupId: 'issuing',
    relay: { batchSize: 200, pollIntervalMs: 50 },
  });
  results.push(
    await timed(
      `end to end: publish (1/tx, ${writers} writers) → relay → transport → consumer`,
      async () => {
        await concurrently(events, (i) =>
          dataSource.transaction(async (manager) => {
            await outbox.publish(manager, ccpAcquired, payload(i));
          }),
        );
        await until(async () => pipeline.handled() >= events);
      },
    ),
  );
  await pipeline.stop();
  const [{ inbox }] = (await dataSource.query('SELECT COUNT(*) AS inbox FROM events_inbox')) as [
    { inbox: number },
  ];
  if (Number(inbox) !== events) throw new Error(`inbox holds ${inbox} rows, not ${events}`);
  return results;
}

function print(results: Result[], server: string): void {
  const reference = results[0]?.seconds ?? 1;
  const header = ['scenario', 'events', 'seconds', 'events/s', 'time vs reference'];
  const lines = results.map((result) => [
    result.scenario,
    String(events),
    result.seconds.toFixed(2),
    Math.round(events / result.seconds).toLocaleString('en-US'),
    `×${(result.seconds / reference).toFixed(1)}`,
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => (line[column] ?? '').length)),
  );
  const format = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ');
  console.log(`\nevents throughput on ${server}\n`);
  console.log(format(header));
  console.log(format(widths.map((width) => '-'.repeat(width))));
  for (const line of lines) console.log(format(line));
  console.log();
}

async function main(): Promise<void> {
  const target: MysqlTarget = {
    ...(databaseTarget('bench', serverUrl, '') as MysqlTarget),
    database: `certif_bench_events_${randomBytes(4).toString('hex')}`,
  };
  const dataSource = await openDataSource({ ...eventsSchema, target, poolSize: writers + 4 });
  try {
    const [{ version }] = (await dataSource.query('SELECT VERSION() AS version')) as [
      { version: string },
    ];
    print(await run(dataSource), `${version} at ${target.host}:${target.port}`);
  } finally {
    await dataSource.destroy();
    await dropMysqlDatabase(target);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
