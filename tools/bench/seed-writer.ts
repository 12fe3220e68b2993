// Seeds the running platform's databases in bulk, consistently across services: candidates'
// own tables, sessions' tables and read models, issuing's read models, facts, livrets and
// parchemins. Referentials' five seed certifications are loaded by the platform itself; the
// other services learn them from its events first, as in production.
import { In, type DataSource } from 'typeorm';
import {
  CandidateRow,
  EnrollmentRow,
  KnownCertificationRow as CandidatesKnownCertification,
} from '@certif/candidates-adapters';
import {
  AcquiredComponentRow,
  CredentialCounterRow,
  CredentialRow,
  issuingStores,
  KnownCandidateRow,
  KnownCertificationRow as IssuingKnownCertification,
  LivretRow,
  TitleDecisionRow,
} from '@certif/issuing-adapters';
import type { Lineage } from '@certif/issuing-domain';
import { addDays } from '@certif/platform-calendar';
import { CertificationRow, ComponentRow } from '@certif/referentials-adapters';
import {
  CandidateViewRow,
  CertificationViewRow,
  EnrollmentViewRow,
  ExamSessionRow,
  JurorRow,
  JuryDecisionRow,
  ParcheminViewRow,
  RegistrationRow,
} from '@certif/sessions-adapters';
import type { BenchPlatform } from './bench-platform';
import { bulkInsert } from './bulk-insert';
import { issuedRecords } from './seed-livrets';
import { planSeed, type CatalogCertification, type SeedPlan, type SeedVolumes } from './seed-plan';
import { candidatesRows, issuingFacts, knownCandidates, sessionsRows } from './seed-rows';

/** The certification of the event-pipeline scenario: open, three CCPs, a final interview. */
export const PIPELINE_CERTIFICATION = 'TP-CDA';

const WEIGHTS: Record<string, number> = {
  'TP-CDA': 30,
  'TP-DWWM': 30,
  RNCP36912: 20,
  'TP-DL': 10,
  RNCP28754: 10,
};

export interface SeedResult {
  plan: SeedPlan;
  catalog: CatalogCertification[];
  /** Rows written per `service.table`. */
  rows: Record<string, number>;
  /** Planning, deriving every service's rows, writing them. */
  seconds: number;
  /** The multi-row INSERTs and ANALYZE TABLE alone. */
  writeSeconds: number;
}

async function until(
  what: string,
  condition: () => Promise<boolean>,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Every service's read model holds referentials' certifications at their latest version. */
async function waitForReadModels(
  bench: BenchPlatform,
  certifications: CertificationRow[],
): Promise<void> {
  const wanted = new Map(certifications.map((c) => [c.id, c.version]));
  const current = (rows: { id: string; version: number }[]) =>
    rows.length === wanted.size && rows.every((row) => wanted.get(row.id) === row.version);
  const ids = In([...wanted.keys()]);
  await until(
    'the certifications in every read model',
    async () =>
      current(
        await bench
          .dataSource('candidates')
          .getRepository(CandidatesKnownCertification)
          .findBy({ id: ids }),
      ) &&
      current(
        await bench.dataSource('sessions').getRepository(CertificationViewRow).findBy({ id: ids }),
      ) &&
      current(
        await bench
          .dataSource('issuing')
          .getRepository(IssuingKnownCertification)
          .findBy({ id: ids }),
      ),
  );
}

async function loadCatalog(bench: BenchPlatform): Promise<CatalogCertification[]> {
  const referentials = bench.dataSource('referentials');
  const certifications = await referentials
    .getRepository(CertificationRow)
    .find({ order: { code: 'ASC' } });
  await waitForReadModels(bench, certifications);
  const components = await referentials
    .getRepository(ComponentRow)
    .find({ order: { position: 'ASC' } });
  return certifications.map((c) => ({
    id: c.id,
    code: c.code,
    requiresFinalInterview: Boolean(c.requiresFinalInterview),
    vaeMinimumExperienceYears: c.vaeMinimumExperienceYears,
    componentIds: components
      .filter((component) => component.certificationId === c.id)
      .map((component) => component.id),
    // Sessions happen while the certification is registered, and before today.
    sessionsFrom: c.registeredFrom ?? '2022-01-03',
    sessionsUntil: addDays(c.registeredUntil ?? bench.today, -30),
    weight: WEIGHTS[c.code] ?? 10,
  }));
}

async function lineages(
  issuing: DataSource,
  catalog: readonly CatalogCertification[],
): Promise<Map<string, Lineage>> {
  const store = issuingStores(issuing.manager).certifications;
  const found = new Map<string, Lineage>();
  for (const certification of catalog) {
    const lineage = await store.lineageOf(certification.id);
    if (!lineage) throw new Error(`issuing does not know ${certification.code}`);
    found.set(certification.id, lineage);
  }
  return found;
}

/** Fresh optimizer statistics after a bulk load, as after a restore. */
async function analyze(dataSource: DataSource, entities: (new () => object)[]): Promise<void> {
  const tables = entities.map((entity) => `\`${dataSource.getMetadata(entity).tableName}\``);
  await dataSource.query(`ANALYZE TABLE ${tables.join(', ')}`);
}

/** An entity and its rows, to bulk-load. */
type Table = readonly [new () => object, readonly object[]];
const table = <T extends object>(entity: new () => T, list: readonly T[]): Table => [entity, list];

const since = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

export async function seedPlatform(
  bench: BenchPlatform,
  volumes: SeedVolumes,
): Promise<SeedResult> {
  const catalog = await loadCatalog(bench);
  const started = process.hrtime.bigint();
  const pipeline = catalog.find((c) => c.code === PIPELINE_CERTIFICATION);
  if (!pipeline) throw new Error(`${PIPELINE_CERTIFICATION} is not among the seed certifications`);
  const plan = planSeed(catalog, pipeline.id, volumes);

  const candidates = bench.dataSource('candidates');
  const sessions = bench.dataSource('sessions');
  const issuing = bench.dataSource('issuing');
  const facts = issuingFacts(plan);
  const issued = issuedRecords(facts, await lineages(issuing, catalog), bench.today);
  const c = candidatesRows(plan);
  const s = sessionsRows(plan, issued.parchemins);

  const rows: Record<string, number> = {};
  const writing = process.hrtime.bigint();
  /** Each table in turn (rows counted), then fresh statistics for all of them. */
  const load = async (service: string, dataSource: DataSource, tables: readonly Table[]) => {
    for (const [entity, list] of tables) {
      rows[`${service}.${dataSource.getMetadata(entity).tableName}`] = await bulkInsert(
        dataSource,
        entity,
        list,
      );
    }
    await analyze(
      dataSource,
      tables.map(([entity]) => entity),
    );
  };
  await Promise.all([
    load('candidates', candidates, [
      table(CandidateRow, c.candidates),
      table(EnrollmentRow, c.enrollments),
    ]),
    load('sessions', sessions, [
      table(ExamSessionRow, s.sessions),
      table(JurorRow, s.jurors),
      table(RegistrationRow, s.registrations),
      table(JuryDecisionRow, s.decisions),
      table(CandidateViewRow, s.candidates),
      table(EnrollmentViewRow, s.enrollments),
      table(ParcheminViewRow, s.parchemins),
    ]),
    load('issuing', issuing, [
      table(KnownCandidateRow, knownCandidates(plan)),
      table(AcquiredComponentRow, facts.acquisitions),
      table(TitleDecisionRow, facts.titles),
      table(LivretRow, issued.livrets),
      table(CredentialRow, issued.credentials),
      table(CredentialCounterRow, issued.counters),
    ]),
  ]);
  return { plan, catalog, rows, seconds: since(started), writeSeconds: since(writing) };
}

/** Candidates of the dataset who hold a livret, for requests on random ones. */
export function candidatesWithRecords(plan: SeedPlan): string[] {
  return [
    ...new Set(
      plan.decisions
        .filter((d) => d.awardedComponentIds.length > 0)
        .map((d) => d.enrollment.candidateId),
    ),
  ];
}
