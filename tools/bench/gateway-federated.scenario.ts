// (b) The contract's `CandidateRecord` on random seeded candidates: candidate → enrolments →
// certification → livrets and parchemins, over three subgraphs. The gateway plans it as
// candidates, then issuing (livrets and parchemins, with their certifications' codes and titles
// and their components' codes, which issuing serves from its read model) beside referentials (the
// enrolments' certifications): three fetches. The references are those fetches sent straight to
// each subgraph; their p50s along that critical path add up to what the gateway cannot go below.
import type { BenchPlatform } from './bench-platform';
import type { BenchSettings } from './bench-settings';
import { oneProcess, type Topology } from './deployed-topology';
import { loadFigures } from './load-figures';
import { generateLoad, type LoadResult } from './load-generator';
import type { Figure } from './report';
import type { CatalogCertification, SeedPlan } from './seed-plan';

const SAMPLE = 2_000;
const MANAGER = { sub: 'bench-manager', roles: ['SESSION_MANAGER' as const] };

const CANDIDATE_PART =
  'query($id: ID!) { candidate(id: $id) { __typename id firstName lastName ' +
  'enrollments { id pathway certification { __typename id } } } }';
const ISSUING_PART =
  'query($r: [_Any!]!) { _entities(representations: $r) { ... on Candidate { ' +
  'livrets { id status capitalizationDeadline certification { code title } ' +
  'acquiredComponents { component { code } acquiredOn viaCorrespondence } ' +
  'missingComponents { code } } ' +
  'credentials { id number status issuedOn verificationCode certification { code title } } } } }';
const CERTIFICATIONS_PART =
  'query($r: [_Any!]!) { _entities(representations: $r) { ... on Certification { code title } } }';
interface Sampled {
  id: string;
  enrolledIn: string[];
  livretsIn: string[];
}

function sample(plan: SeedPlan): Sampled[] {
  const enrolledIn = new Map<string, string[]>();
  for (const e of plan.enrollments)
    enrolledIn.set(e.candidateId, [...(enrolledIn.get(e.candidateId) ?? []), e.certificationId]);
  const livretsIn = new Map<string, Set<string>>();
  for (const d of plan.decisions) {
    if (d.awardedComponentIds.length === 0) continue;
    const set = livretsIn.get(d.enrollment.candidateId) ?? new Set<string>();
    set.add(d.session.certificationId);
    livretsIn.set(d.enrollment.candidateId, set);
  }
  const ids = [...livretsIn.keys()];
  const step = Math.max(1, Math.floor(ids.length / SAMPLE));
  return ids
    .filter((_, i) => i % step === 0)
    .slice(0, SAMPLE)
    .map((id) => ({
      id,
      enrolledIn: enrolledIn.get(id) ?? [],
      livretsIn: [...(livretsIn.get(id) ?? [])],
    }));
}

const representations = (typename: string, ids: readonly string[]) =>
  ids.map((id) => ({ __typename: typename, id }));

export async function gatewayFederated(
  bench: BenchPlatform,
  settings: BenchSettings,
  operations: Map<string, string>,
  seeded: { plan: SeedPlan; catalog: CatalogCertification[] },
  run: {
    /** Where the gateway and the subgraphs run (the one-process platform by default). */
    topology?: Topology;
    /** Also load each of the plan's fetches straight to its subgraph (the critical path). */
    parts?: boolean;
    /** Hold CandidateRecord to its p99 target here (the deployed topology). */
    targets?: boolean;
  } = {},
): Promise<Figure[]> {
  const topology = run.topology ?? oneProcess(bench);
  const at = topology.label ? ` [${topology.label}]` : '';
  const query = operations.get('CandidateRecord');
  if (!query) throw new Error('the contract has no CandidateRecord operation');
  const candidates = sample(seeded.plan);
  const body = (q: string, variables: object) => JSON.stringify({ query: q, variables });
  const parts = {
    gateway: candidates.map((c) => body(query, { id: c.id })),
    candidates: candidates.map((c) => body(CANDIDATE_PART, { id: c.id })),
    issuing: candidates.map((c) => body(ISSUING_PART, { r: representations('Candidate', [c.id]) })),
    certifications: candidates.map((c) =>
      body(CERTIFICATIONS_PART, { r: representations('Certification', c.enrolledIn) }),
    ),
  };
  const gatewayHeaders = {
    authorization: `Bearer ${await bench.token(MANAGER.roles, { sub: MANAGER.sub })}`,
  };
  const direct = async () => ({ 'x-certif-gateway-token': await bench.internalToken(MANAGER) });
  // Every request shape answers without errors before anything is measured.
  await bench.graphql(topology.gatewayUrl, query, { id: candidates[0]?.id }, gatewayHeaders);
  const load = (
    url: string,
    headers: Record<string, string>,
    bodies: string[],
    connections = settings.connections,
  ): Promise<LoadResult> =>
    generateLoad({
      url,
      headers,
      bodies,
      connections,
      warmUpSeconds: settings.warmUpSeconds,
      seconds: settings.seconds,
    });

  // Fresh processes (the deployed topology): a first run pays for their JIT compilation.
  if (topology.cpuMs)
    await generateLoad({
      url: topology.gatewayUrl,
      headers: gatewayHeaders,
      bodies: parts.gateway,
      connections: settings.connections,
      warmUpSeconds: 1,
      seconds: 3,
    });
  const viaGateway = await load(topology.gatewayUrl, gatewayHeaders, parts.gateway);
  // Without queueing: the latency of one such request when nothing else runs.
  const alone = await load(topology.gatewayUrl, gatewayHeaders, parts.gateway, 1);
  const figures = [
    ...loadFigures({ scenario: `CandidateRecord${at} · via gateway`, result: viaGateway }),
    ...loadFigures({ scenario: `CandidateRecord${at} · via gateway, 1 connection`, result: alone }),
  ];
  if (run.parts ?? true) {
    const candidatesPart = await load(
      topology.subgraphUrl('candidates'),
      await direct(),
      parts.candidates,
    );
    const issuingPart = await load(topology.subgraphUrl('issuing'), await direct(), parts.issuing);
    const certificationsPart = await load(
      topology.subgraphUrl('referentials'),
      await direct(),
      parts.certifications,
    );
    // The critical path: candidates, then issuing and referentials side by side (since issuing
    // serves its livrets' certifications and components itself, the plan has three fetches).
    const slower = issuingPart.p50 >= certificationsPart.p50 ? issuingPart : certificationsPart;
    const criticalPath: LoadResult = {
      ...viaGateway,
      p50: candidatesPart.p50 + slower.p50,
      p99: candidatesPart.p99 + slower.p99,
    };
    const [rate, p50, p99] = figures;
    if (p50) p50.reference = { label: 'parts in sequence', value: criticalPath.p50 };
    if (p99) p99.reference = { label: 'parts in sequence', value: criticalPath.p99 };
    void rate;
    figures.push(
      ...loadFigures({
        scenario: `CandidateRecord${at} · part: candidates`,
        result: candidatesPart,
      }),
      ...loadFigures({ scenario: `CandidateRecord${at} · part: issuing`, result: issuingPart }),
      ...loadFigures({
        scenario: `CandidateRecord${at} · part: referentials certifications`,
        result: certificationsPart,
      }),
    );
  }
  const p99 = figures.find(
    (f) => f.scenario === `CandidateRecord${at} · via gateway` && f.measure === 'p99',
  );
  if (p99 && run.targets)
    p99.target = { text: 'p99 < 100 ms at 16 connections', met: p99.value < 100 };
  return figures;
}
