// (b) The contract's `CandidateRecord` on random seeded candidates: candidate → enrolments →
// certification → livrets and parchemins, over three subgraphs. The gateway plans it as
// candidates, then issuing (with referentials for the enrolments' certifications alongside),
// then referentials for the livrets' certifications and components. The references are those
// fetches sent straight to each subgraph; their p50s along that critical path add up to what
// the gateway cannot go below.
import type { BenchPlatform } from './bench-platform';
import type { BenchSettings } from './bench-settings';
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
  'livrets { id status capitalizationDeadline certification { __typename id } ' +
  'acquiredComponents { component { __typename id } acquiredOn viaCorrespondence } ' +
  'missingComponents { __typename id } } ' +
  'credentials { id number status issuedOn verificationCode certification { __typename id } } } } }';
const CERTIFICATIONS_PART =
  'query($r: [_Any!]!) { _entities(representations: $r) { ... on Certification { code title } } }';
const COMPONENTS_PART =
  'query($r: [_Any!]!) { _entities(representations: $r) { ... on Component { code } } }';

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
): Promise<Figure[]> {
  const query = operations.get('CandidateRecord');
  if (!query) throw new Error('the contract has no CandidateRecord operation');
  const candidates = sample(seeded.plan);
  const componentsOf = new Map(seeded.catalog.map((c) => [c.id, c.componentIds]));
  const body = (q: string, variables: object) => JSON.stringify({ query: q, variables });
  const parts = {
    gateway: candidates.map((c) => body(query, { id: c.id })),
    candidates: candidates.map((c) => body(CANDIDATE_PART, { id: c.id })),
    issuing: candidates.map((c) => body(ISSUING_PART, { r: representations('Candidate', [c.id]) })),
    certifications: candidates.map((c) =>
      body(CERTIFICATIONS_PART, { r: representations('Certification', c.enrolledIn) }),
    ),
    components: candidates.map((c) =>
      body(COMPONENTS_PART, {
        r: representations(
          'Component',
          c.livretsIn.flatMap((id) => componentsOf.get(id) ?? []),
        ),
      }),
    ),
  };
  const gatewayHeaders = {
    authorization: `Bearer ${await bench.token(MANAGER.roles, { sub: MANAGER.sub })}`,
  };
  const direct = async () => ({ 'x-certif-gateway-token': await bench.internalToken(MANAGER) });
  // Every request shape answers without errors before anything is measured.
  await bench.graphql(bench.gatewayUrl, query, { id: candidates[0]?.id }, gatewayHeaders);
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

  const viaGateway = await load(bench.gatewayUrl, gatewayHeaders, parts.gateway);
  // Without queueing: the latency of one such request when nothing else runs.
  const alone = await load(bench.gatewayUrl, gatewayHeaders, parts.gateway, 1);
  const candidatesPart = await load(
    bench.subgraphUrl('candidates'),
    await direct(),
    parts.candidates,
  );
  const issuingPart = await load(bench.subgraphUrl('issuing'), await direct(), parts.issuing);
  const certificationsPart = await load(
    bench.subgraphUrl('referentials'),
    await direct(),
    parts.certifications,
  );
  const componentsPart = await load(
    bench.subgraphUrl('referentials'),
    await direct(),
    parts.components,
  );

  // The critical path: candidates, then issuing, then referentials (the slower of its fetches).
  const slowerReferentials =
    componentsPart.p50 >= certificationsPart.p50 ? componentsPart : certificationsPart;
  const criticalPath: LoadResult = {
    ...viaGateway,
    p50: candidatesPart.p50 + issuingPart.p50 + slowerReferentials.p50,
    p99: candidatesPart.p99 + issuingPart.p99 + slowerReferentials.p99,
  };
  const figures = [
    ...loadFigures({
      scenario: 'CandidateRecord · via gateway',
      result: viaGateway,
      reference: { label: 'parts in sequence', result: criticalPath },
    }),
    ...loadFigures({ scenario: 'CandidateRecord · via gateway, 1 connection', result: alone }),
    ...loadFigures({ scenario: 'CandidateRecord · part: candidates', result: candidatesPart }),
    ...loadFigures({ scenario: 'CandidateRecord · part: issuing', result: issuingPart }),
    ...loadFigures({
      scenario: 'CandidateRecord · part: referentials certifications',
      result: certificationsPart,
    }),
    ...loadFigures({
      scenario: 'CandidateRecord · part: referentials components',
      result: componentsPart,
    }),
  ];
  // Requests per second of parts in sequence add up to nothing meaningful: no reference there.
  const rate = figures.find(
    (f) => f.scenario === 'CandidateRecord · via gateway' && f.measure === 'requests/s',
  );
  if (rate) delete rate.reference;
  const p99 = figures.find(
    (f) => f.scenario === 'CandidateRecord · via gateway' && f.measure === 'p99',
  );
  if (p99) p99.target = { text: 'p99 < 50 ms at 16 connections', met: p99.value < 50 };
  return figures;
}
