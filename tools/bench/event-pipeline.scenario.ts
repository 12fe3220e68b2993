// Event pipeline and bulk deliberation: a TP-CDA session with N registrations, deliberated in one
// `recordDeliberation` call (the title to everyone), then the time until issuing has updated
// every livret and issued every parchemin: sessions' outbox → relay → bus → issuing's consumer
// (facts, livret, parchemin, its own events), end to end. Reference: the same number of rows in
// plain batched INSERTs on the same server.
import { In } from 'typeorm';
import { CredentialRow, LivretRow } from '@certif/issuing-adapters';
import type { BenchPlatform } from './bench-platform';
import type { BenchSettings } from './bench-settings';
import { pipelineReferences } from './insert-reference';
import type { Figure } from './report';
import type { PlannedEnrollment } from './seed-plan';

const JURORS = [
  { userId: 'bench-juror-1', name: 'Juliette Martin', role: 'PROFESSIONAL' },
  { userId: 'bench-juror-2', name: 'Karim Benali', role: 'PROFESSIONAL' },
];

export interface PreparedSession {
  sessionId: string;
  registrations: string[];
  enrollments: readonly PlannedEnrollment[];
  registrationSeconds: number;
}

export interface Deliberated {
  /** recordDeliberation through the gateway, from the call to its answer. */
  callSeconds: number;
  /** From the call until issuing holds every livret COMPLETE and every parchemin. */
  pipelineSeconds: number;
  events: number;
}

const since = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

async function until(
  what: string,
  condition: () => Promise<boolean>,
  timeoutMs = 180_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const operation = (operations: Map<string, string>, name: string) => {
  const found = operations.get(name);
  if (!found) throw new Error(`the contract has no ${name} operation`);
  return found;
};

/** A session of the enrolments' certification, two professional jurors, every enrolment registered. */
export async function prepareSession(
  bench: BenchPlatform,
  operations: Map<string, string>,
  enrollments: readonly PlannedEnrollment[],
): Promise<PreparedSession> {
  const manager = {
    authorization: `Bearer ${await bench.token(['SESSION_MANAGER'], { sub: 'bench-centre' })}`,
  };
  const certificationId = enrollments[0]?.certificationId;
  const input = {
    certificationId,
    scope: 'FULL_TITLE',
    center: 'AFPA Sète',
    startsOn: '2026-06-01',
    endsOn: '2026-06-05',
    capacity: enrollments.length,
  };
  const planned = await bench.graphql<{ planSession: { id: string } }>(
    bench.gatewayUrl,
    operation(operations, 'PlanSession'),
    { input },
    manager,
  );
  const sessionId = planned.planSession.id;
  for (const input of JURORS)
    await bench.graphql(
      bench.gatewayUrl,
      operation(operations, 'AddJuror'),
      { sessionId, input },
      manager,
    );
  const registering = process.hrtime.bigint();
  const registrations: string[] = [];
  for (const enrollment of enrollments) {
    const registered = await bench.graphql<{ registerToSession: { id: string } }>(
      bench.gatewayUrl,
      operation(operations, 'RegisterToSession'),
      { sessionId, enrollmentId: enrollment.id },
      manager,
    );
    registrations.push(registered.registerToSession.id);
  }
  return { sessionId, registrations, enrollments, registrationSeconds: since(registering) };
}

/** The title to everyone in one call, then the wait for issuing to have done its part. */
export async function deliberate(
  bench: BenchPlatform,
  operations: Map<string, string>,
  session: PreparedSession,
  componentCount: number,
): Promise<Deliberated> {
  const juror = {
    authorization: `Bearer ${await bench.token(['JURY_MEMBER'], { sub: JURORS[0]?.userId ?? '' })}`,
  };
  const decisions = session.registrations.map((registrationId) => ({
    registrationId,
    outcome: 'TITLE_AWARDED',
    finalInterviewPassed: true,
    decidedOn: '2026-06-05',
  }));
  const issuing = bench.dataSource('issuing');
  const count = session.enrollments.length;
  const candidateIds = In(session.enrollments.map((e) => e.candidateId));
  const started = process.hrtime.bigint();
  await bench.graphql(
    bench.gatewayUrl,
    operation(operations, 'RecordDeliberation'),
    { sessionId: session.sessionId, decisions },
    juror,
  );
  const callSeconds = since(started);
  await until('every livret and parchemin of the deliberation', async () => {
    const [parchemins, complete] = await Promise.all([
      issuing.getRepository(CredentialRow).countBy({ candidateId: candidateIds }),
      issuing.getRepository(LivretRow).countBy({ candidateId: candidateIds, status: 'COMPLETE' }),
    ]);
    return parchemins === count && complete === count;
  });
  // One sessions.ccp-acquired.v1 per component and one sessions.title-awarded.v1 per candidate.
  return { callSeconds, pipelineSeconds: since(started), events: count * (componentCount + 1) };
}

export async function eventPipeline(
  bench: BenchPlatform,
  settings: BenchSettings,
  operations: Map<string, string>,
  enrollments: readonly PlannedEnrollment[],
  componentCount: number,
  /** Called around the measured deliberation only (e.g. a CPU profile). */
  measuring?: { start(): Promise<void>; stop(): Promise<void> },
): Promise<Figure[]> {
  const warmUp = enrollments.slice(0, settings.warmUpDeliberated);
  const measured = enrollments.slice(settings.warmUpDeliberated);
  await deliberate(
    bench,
    operations,
    await prepareSession(bench, operations, warmUp),
    componentCount,
  );
  const prepared = await prepareSession(bench, operations, measured);
  await measuring?.start();
  const deliberated = await deliberate(bench, operations, prepared, componentCount).finally(() =>
    measuring?.stop(),
  );
  const run = {
    ...deliberated,
    registrationSeconds: prepared.registrationSeconds,
  };
  const reference = await pipelineReferences(settings, run.events);
  const n = measured.length;
  const rate = run.events / run.pipelineSeconds;
  const inserts = run.events / reference.insertSeconds;
  const backbone = run.events / reference.backboneSeconds;
  const share = rate / backbone;
  return [
    {
      scenario: `event pipeline · ${n} candidates`,
      measure: 'events/s, end to end',
      value: rate,
      unit: 'events/s',
      reference: { label: 'no-op backbone, same run', value: backbone },
      target: {
        text: '≥ 1,000 events/s and ≥ 50 % of the no-op backbone',
        met: rate >= 1000 && share >= 0.5,
      },
      note: `${run.events} events in ${run.pipelineSeconds.toFixed(2)} s from the call to the last parchemin; ${Math.round(100 * share)} % of the backbone alone; batched INSERTs of the same rows: ${Math.round(inserts)} rows/s`,
    },
    {
      scenario: `event pipeline · ${n} candidates`,
      measure: 'time to the last parchemin',
      value: run.pipelineSeconds * 1000,
      unit: 'ms',
      reference: { label: 'batched INSERTs', value: reference.insertSeconds * 1000 },
    },
    {
      scenario: 'event backbone alone, no-op consumer',
      measure: 'events/s, end to end',
      value: run.events / reference.backboneSeconds,
      unit: 'events/s',
      reference: { label: 'batched INSERTs', value: inserts },
      note: `the same ${run.events} events: outbox (one transaction) → relay → embedded bus → consumer recording them in its inbox`,
    },
    {
      scenario: `bulk deliberation · ${n} candidates`,
      measure: 'recordDeliberation latency',
      value: run.callSeconds * 1000,
      unit: 'ms',
      target: { text: '< 1 s', met: run.callSeconds < 1 },
    },
    {
      scenario: `bulk deliberation · ${n} candidates`,
      measure: 'registerToSession, one by one',
      value: n / run.registrationSeconds,
      unit: 'req/s',
      note: 'preparing the session; no target',
    },
  ];
}
