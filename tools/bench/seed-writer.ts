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
  const write = async <T extends object>(
    service: string,
    dataSource: DataSource,
    entity: new () => T,
    list: readonly T[],
  ) => {
    rows[`${service}.${dataSource.getMetadata(entity).tableName}`] = await bulkInsert(
      dataSource,
      entity,
      list,
    );
  };
  await Promise.all([
    (async () => {
      await write('candidates', candidates, CandidateRow, c.candidates);
      await write('candidates', candidates, EnrollmentRow, c.enrollments);
      await analyze(candidates, [CandidateRow, EnrollmentRow]);
    })(),
    (async () => {
      await write('sessions', sessions, ExamSessionRow, s.sessions);
      await write('sessions', sessions, JurorRow, s.jurors);
      await write('sessions', sessions, RegistrationRow, s.registrations);
      await write('sessions', sessions, JuryDecisionRow, s.decisions);
      await write('sessions', sessions, CandidateViewRow, s.candidates);
      await write('sessions', sessions, EnrollmentViewRow, s.enrollments);
      await write('sessions', sessions, ParcheminViewRow, s.parchemins);
      await analyze(sessions, [
        ExamSessionRow,
        JurorRow,
        RegistrationRow,
        JuryDecisionRow,
        CandidateViewRow,
        EnrollmentViewRow,
        ParcheminViewRow,
      ]);
    })(),
    (async () => {
      await write('issuing', issuing, KnownCandidateRow, knownCandidates(plan));
      await write('issuing', issuing, AcquiredComponentRow, facts.acquisitions);
      await write('issuing', issuing, TitleDecisionRow, facts.titles);
      await write('issuing', issuing, LivretRow, issued.livrets);
      await write('issuing', issuing, CredentialRow, issued.credentials);
      await write('issuing', issuing, CredentialCounterRow, issued.counters);
      await analyze(issuing, [
        KnownCandidateRow,
        AcquiredComponentRow,
        TitleDecisionRow,
        LivretRow,
        CredentialRow,
        CredentialCounterRow,
      ]);
    })(),
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
