// npm run bench:event-pipeline: the event pipeline scenario of `npm run bench` alone (the same
// seeding, platform and figures, without the gateway, N+1 and RNCP scenarios), for working on
// the consumers. Prints its figures and writes bench/event-pipeline.json; drops its databases.
// Env: as `npm run bench` (BENCH_DELIBERATED, BENCH_CANDIDATES…), and EVENTS_BATCH_SIZE.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { contractOperations } from '@certif/one-process/testing';
import { startBenchPlatform, type BenchPlatform } from './bench-platform';
import { benchSettings } from './bench-settings';
import { eventPipeline } from './event-pipeline.scenario';
import { formatTable, machine, writeReport } from './report';
import { dropScratchDatabases, serverVersion } from './scratch-databases';
import { PIPELINE_CERTIFICATION, seedPlatform } from './seed-writer';

const settings = benchSettings(randomBytes(4).toString('hex'));
const started = process.hrtime.bigint();
const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
const step = (what: string) => console.log(`[${elapsed().toFixed(0).padStart(3)} s] ${what}`);

async function main(): Promise<void> {
  const startedAt = new Date().toISOString();
  const host = machine(`MariaDB/MySQL ${await serverVersion(settings.databaseUrl)}`);
  console.log(`load average ${host.loadAverage} at the start (other work skews every figure)`);
  let bench: BenchPlatform | undefined;
  const watchdog = setTimeout(
    () => {
      console.error('\nthe event pipeline bench ran for 8 minutes: stopping it');
      process.exit(1);
    },
    8 * 60 * 1000,
  );
  watchdog.unref();
  try {
    step('starting the platform');
    bench = await startBenchPlatform(settings.databaseUrl, settings.databasePrefix, settings.today);
    step('seeding');
    const seeded = await seedPlatform(bench, settings.volumes);
    step('event pipeline and bulk deliberation');
    const pipeline = seeded.catalog.find((c) => c.code === PIPELINE_CERTIFICATION);
    const figures = await eventPipeline(
      bench,
      settings,
      contractOperations(),
      seeded.plan.pipelineEnrollments,
      pipeline?.componentIds.length ?? 0,
    );
    console.log(`\n${formatTable(figures)}\n`);
    for (const f of figures.filter((f) => f.note))
      console.log(`${f.scenario} · ${f.measure}: ${f.note}`);
    const path = 'bench/event-pipeline.json';
    writeReport(path, {
      startedAt,
      wallSeconds: elapsed(),
      machine: host,
      dataset: { ...seeded.rows, eventBatchSize: Number(process.env['EVENTS_BATCH_SIZE'] ?? 50) },
      figures,
    });
    console.log(`${path} written`);
  } finally {
    step('stopping');
    await bench?.stop().catch((error: unknown) => console.error('stopping failed:', error));
    const dropped = await dropScratchDatabases(settings.databaseUrl, settings.databasePrefix);
    step(`dropped ${dropped.join(', ') || 'no database'}`);
    clearTimeout(watchdog);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
