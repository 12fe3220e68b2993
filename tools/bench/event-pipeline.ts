// npm run bench:event-pipeline: the event pipeline scenario of `npm run bench` alone (the same
// seeding, platform and figures, without the gateway, N+1 and RNCP scenarios), for working on
// the consumers. Prints its figures and writes bench/event-pipeline.json; drops its databases.
// Env: as `npm run bench` (BENCH_DELIBERATED, BENCH_CANDIDATES…), EVENTS_BATCH_SIZE, and
// BENCH_CPU_PROFILE=<file.cpuprofile> to profile the scenario (what `node --cpu-prof` records, for
// the scenario alone) and print the functions that cost the most CPU of their own.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { onStatement } from '@certif/platform-persistence';
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
    const profile = process.env['BENCH_CPU_PROFILE'];
    const session = profile ? new Session() : undefined;
    // BENCH_STATEMENTS=1: the SQL statements each service sent during the measured deliberation.
    const statements = new Map<string, Map<string, number>>();
    const stops: (() => void)[] = [];
    const countStatements = () => {
      if (!process.env['BENCH_STATEMENTS'] || !bench) return;
      for (const name of ['sessions', 'issuing']) {
        const counts = new Map<string, number>();
        statements.set(name, counts);
        stops.push(
          onStatement(bench.dataSource(name), (sql) => {
            const shape = sql.replace(/\s+/g, ' ').slice(0, 70);
            counts.set(shape, (counts.get(shape) ?? 0) + 1);
          }),
        );
      }
    };
    const printStatements = () => {
      for (const stop of stops.splice(0)) stop();
      for (const [name, counts] of statements) {
        const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
        console.log(`\n${name}: ${total} statements`);
        for (const [shape, n] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 12))
          console.log(`${String(n).padStart(6)}  ${shape}`);
      }
    };
    const figures = await eventPipeline(
      bench,
      settings,
      contractOperations(),
      seeded.plan.pipelineEnrollments,
      pipeline?.componentIds.length ?? 0,
      {
        start: async () => {
          countStatements();
          if (!session) return;
          session.connect();
          await session.post('Profiler.enable');
          await session.post('Profiler.start');
        },
        stop: async () => {
          printStatements();
          if (!session || !profile) return;
          const { profile: recorded } = await session.post('Profiler.stop');
          writeFileSync(profile, JSON.stringify(recorded));
          printTopCosts(recorded);
          session.disconnect();
        },
      },
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

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** The 15 functions with the most samples of their own, with where they are. */
function printTopCosts(profile: { nodes: ProfileNode[]; samples?: number[] }): void {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const counts = new Map<string, number>();
  const samples = profile.samples ?? [];
  for (const id of samples) {
    const frame = byNode.get(id)?.callFrame;
    if (!frame) continue;
    const where = frame.url.replace(/^.*\/(node_modules|libs|tools)\//, '$1/');
    const name = `${frame.functionName || '(anonymous)'} ${where}:${frame.lineNumber + 1}`;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  console.log('\nCPU profile of the scenario, self time:');
  for (const [name, count] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 15))
    console.log(
      `${((100 * count) / Math.max(1, samples.length)).toFixed(1).padStart(5)} %  ${name}`,
    );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
