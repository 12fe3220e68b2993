import type { LocalDate } from '@certif/platform-calendar';
import type { SeedVolumes } from './seed-plan';

const int = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be a whole number; got ${process.env[name]}`);
  return value;
};

/** Every knob of `npm run bench`, with the values the README's results were measured with. */
export interface BenchSettings {
  databaseUrl: string;
  /** Scratch databases are `<prefix>_<service>`, dropped at the end. */
  databasePrefix: string;
  /** The platform's fixed clock: the seeded history ends before it. */
  today: LocalDate;
  volumes: SeedVolumes;
  connections: number;
  warmUpSeconds: number;
  seconds: number;
  /** Candidates deliberated in one call in the event-pipeline scenario (after a warm-up). */
  deliberated: number;
  warmUpDeliberated: number;
  resultsPath: string;
  /** Fiches of the generated RNCP export (rncp-import.scenario.ts). */
  rncpFiches: number;
}

export function benchSettings(suffix: string): BenchSettings {
  const deliberated = int('BENCH_DELIBERATED', 200);
  const warmUpDeliberated = 20;
  return {
    databaseUrl: process.env['BENCH_DATABASE_URL'] ?? 'mysql://root@127.0.0.1:3306',
    databasePrefix: `certif_bench_${suffix}`,
    today: '2026-06-10',
    volumes: {
      candidates: int('BENCH_CANDIDATES', 20_000),
      sessions: int('BENCH_SESSIONS', 500),
      acquiredComponents: int('BENCH_COMPONENTS', 100_000),
      pipelineCandidates: deliberated + warmUpDeliberated,
    },
    connections: 16,
    warmUpSeconds: int('BENCH_WARMUP_SECONDS', 2),
    seconds: int('BENCH_SECONDS', 8),
    deliberated,
    warmUpDeliberated,
    resultsPath: 'bench/results.json',
    rncpFiches: int('BENCH_RNCP_FICHES', 20_000),
  };
}
