// npm run bench:rncp-import — the RNCP import scenario of `npm run bench` alone (rncp-import.scenario.ts):
// scratch databases certif_bench_<random>_rncp*, dropped at the end whatever happens.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { benchSettings } from './bench-settings';
import { formatTable } from './report';
import { rncpImport } from './rncp-import.scenario';
import { dropScratchDatabases } from './scratch-databases';

async function main(): Promise<void> {
  const settings = benchSettings(randomBytes(4).toString('hex'));
  try {
    const figures = await rncpImport({ ...settings, fiches: settings.rncpFiches });
    console.log(`\n${formatTable(figures)}\n`);
    for (const f of figures.filter((f) => f.note)) console.log(`${f.scenario}: ${f.note}`);
  } finally {
    await dropScratchDatabases(settings.databaseUrl, settings.databasePrefix);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
