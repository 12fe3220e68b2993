// npm run bench: seeds a realistic volume into scratch MariaDB databases, starts the whole
// platform in this process on them, measures each scenario beside its reference, prints the
// table, writes bench/results.json and drops the databases, whatever happens. tools/bench/README.md
// says what each figure means.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { contractOperations } from '@certif/one-process/testing';
import { startBenchPlatform, type BenchPlatform } from './bench-platform';
import { benchSettings } from './bench-settings';
import { startDeployedTopology, type DeployedTopology } from './deployed-topology';
import { eventPipeline } from './event-pipeline.scenario';
import { gatewayFederated } from './gateway-federated.scenario';
import { gatewayOneSubgraph, ONE_SUBGRAPH_QUERIES } from './gateway-one-subgraph.scenario';
import { formatTable, machine, writeReport, type Figure } from './report';
import { rncpImport } from './rncp-import.scenario';
import { dropScratchDatabases, serverVersion } from './scratch-databases';
import { PIPELINE_CERTIFICATION, seedPlatform } from './seed-writer';
import { statementCounts } from './statement-counts.scenario';

/** The run stops itself (and drops its databases) rather than run past a quarter of an hour. */
const WATCHDOG_MS = 14 * 60 * 1000;

const settings = benchSettings(randomBytes(4).toString('hex'));
const started = process.hrtime.bigint();
const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
const step = (what: string) => console.log(`[${elapsed().toFixed(0).padStart(3)} s] ${what}`);

let deployed: DeployedTopology | undefined;

/**
 * BENCH_ONLY=deployed,one-process,n+1,events,rncp (comma-separated) runs those scenarios only
 * (seeding always runs); all of them by default.
 */
const only = (process.env['BENCH_ONLY'] ?? '').split(',').filter(Boolean);
const runs = (scenario: string) => only.length === 0 || only.includes(scenario);

async function cleanUp(bench: BenchPlatform | undefined): Promise<void> {
  await deployed
    ?.stop()
    .catch((error: unknown) => console.error('stopping the separate processes failed:', error));
  await bench
    ?.stop()
    .catch((error: unknown) => console.error('stopping the platform failed:', error));
  const dropped = await dropScratchDatabases(settings.databaseUrl, settings.databasePrefix);
  step(`dropped ${dropped.join(', ') || 'no database'}`);
}

async function main(): Promise<void> {
  const startedAt = new Date().toISOString();
  const database = await serverVersion(settings.databaseUrl);
  const host = machine(`MariaDB/MySQL ${database}`);
  console.log(
    `npm run bench: ${host.cpus} × ${host.cpuModel}, ${host.memoryGiB} GiB, Node ${host.node}, ` +
      `${host.database}; load average ${host.loadAverage} at the start (other work skews every figure)`,
  );
  console.log(
    `scratch databases ${settings.databasePrefix}_*; ${settings.connections} connections, ${settings.warmUpSeconds} s warm-up + ${settings.seconds} s per load run\n`,
  );

  let bench: BenchPlatform | undefined;
  const watchdog = setTimeout(() => {
    console.error(`\nthe benchmark ran for ${WATCHDOG_MS / 60_000} minutes: stopping it`);
    void cleanUp(bench).finally(() => process.exit(1));
  }, WATCHDOG_MS);
  watchdog.unref();

  const figures: Figure[] = [];
  let dataset: Record<string, number> = {};
  let details: Record<string, unknown> = {};
  try {
    step('starting the platform (migrations, seed certifications)');
    const starting = process.hrtime.bigint();
    bench = await startBenchPlatform(settings.databaseUrl, settings.databasePrefix, settings.today);
    figures.push({
      scenario: 'platform start',
      measure: 'migrations, seed certifications',
      value: Number(process.hrtime.bigint() - starting) / 1e6,
      unit: 'ms',
    });
    step('seeding');
    const seeded = await seedPlatform(bench, settings.volumes);
    dataset = { ...seeded.rows, acquiredComponents: seeded.plan.acquiredComponents };
    const rows = Object.values(seeded.rows).reduce((sum, n) => sum + n, 0);
    figures.push(
      {
        scenario: 'seeding · bulk INSERTs',
        measure: 'rows/s',
        value: rows / seeded.writeSeconds,
        unit: 'rows/s',
        note: `${rows} rows in ${seeded.writeSeconds.toFixed(1)} s`,
      },
      {
        scenario: 'seeding · plan, derive, write',
        measure: 'duration',
        value: seeded.seconds * 1000,
        unit: 'ms',
      },
    );
    const operations = contractOperations();
    if (runs('deployed')) {
      // The deployed topology first, while nothing else has run: the gateway is judged here.
      step('deployed topology: the gateway, referentials, candidates, issuing as processes');
      deployed = await startDeployedTopology(bench, settings);
      for (const query of ONE_SUBGRAPH_QUERIES) {
        step(`one subgraph, separate processes: ${query.label}`);
        figures.push(
          ...(await gatewayOneSubgraph(bench, settings, operations, query, {
            topology: deployed,
            ceiling: false,
            targets: true,
          })),
        );
      }
      step('federated, separate processes: CandidateRecord');
      figures.push(
        ...(await gatewayFederated(bench, settings, operations, seeded, {
          topology: deployed,
          parts: false,
          targets: true,
        })),
      );
      await deployed.stop();
      deployed = undefined;
    }
    if (runs('one-process')) {
      for (const query of ONE_SUBGRAPH_QUERIES) {
        step(`one subgraph, one process: ${query.label}`);
        figures.push(
          ...(await gatewayOneSubgraph(bench, settings, operations, query, {
            floor: !runs('deployed'),
          })),
        );
      }
      step('federated, one process: CandidateRecord');
      figures.push(...(await gatewayFederated(bench, settings, operations, seeded)));
    }
    if (runs('n+1')) {
      step('N+1: statements per page');
      const counts = await statementCounts(bench);
      figures.push(...counts.figures);
      details = { statementsOfAPageOf100: counts.largestPage };
    }
    if (runs('events')) {
      step('event pipeline and bulk deliberation');
      const pipeline = seeded.catalog.find((c) => c.code === PIPELINE_CERTIFICATION);
      figures.push(
        ...(await eventPipeline(
          bench,
          settings,
          operations,
          seeded.plan.pipelineEnrollments,
          pipeline?.componentIds.length ?? 0,
        )),
      );
    }
    if (runs('rncp')) {
      step(`RNCP import: ${settings.rncpFiches} fiches, then the same export again`);
      figures.push(...(await rncpImport({ ...settings, fiches: settings.rncpFiches })));
    }
  } finally {
    step('stopping');
    await cleanUp(bench);
    clearTimeout(watchdog);
  }

  console.log(`\n${formatTable(figures)}\n`);
  for (const f of figures.filter((f) => f.note))
    console.log(`${f.scenario} · ${f.measure}: ${f.note}`);
  const missed = figures.filter((f) => f.target && !f.target.met);
  console.log(
    `\ntargets: ${figures.filter((f) => f.target?.met).length} met, ${missed.length} missed${missed.length ? `: ${missed.map((f) => `${f.scenario} ${f.measure}`).join('; ')}` : ''}`,
  );
  writeReport(settings.resultsPath, {
    startedAt,
    wallSeconds: elapsed(),
    machine: host,
    dataset,
    figures,
    details,
  });
  console.log(`${settings.resultsPath} written; ${elapsed().toFixed(0)} s in all`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
