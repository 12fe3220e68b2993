// (a) A query one subgraph serves, through the gateway; the same request straight to that
// subgraph with the identity the gateway would forward (x-certif-gateway-token); and a bare Node
// server answering as many bytes, the ceiling of HTTP on this machine.
import { startBareServer } from './bare-server';
import { startMinimalSubgraph } from './minimal-subgraph';
import type { BenchPlatform } from './bench-platform';
import type { BenchSettings } from './bench-settings';
import { oneProcess, type Topology } from './deployed-topology';
import { loadFigures } from './load-figures';
import { generateLoad, type LoadResult } from './load-generator';
import type { Figure } from './report';

const MANAGER = { sub: 'bench-manager', roles: ['SESSION_MANAGER' as const] };

export interface OneSubgraphQuery {
  /** A contract operation (../shared/contract/operations.graphql). */
  operation: string;
  variables: Record<string, unknown>;
  subgraph: string;
  label: string;
  /** Also measure a minimal Apollo subgraph answering this root field from memory (the floor). */
  floorRootField?: string;
}

/** `Certifications` is served from a handful of rows; `Candidates` counts 20,000 (totalCount). */
export const ONE_SUBGRAPH_QUERIES: OneSubgraphQuery[] = [
  {
    operation: 'Certifications',
    variables: { first: 20 },
    subgraph: 'referentials',
    label: 'Certifications(first: 20)',
    floorRootField: 'certifications',
  },
  {
    operation: 'Candidates',
    variables: { first: 20 },
    subgraph: 'candidates',
    label: 'Candidates(first: 20)',
  },
];

export interface OneSubgraphRun {
  /** Where the gateway and the subgraphs run (the one-process platform by default). */
  topology?: Topology;
  /** Measure the bare Node ceiling (once per run is enough: it does not depend on topology). */
  ceiling?: boolean;
  /** Measure the minimal Apollo subgraph (spec.floorRootField) beside the direct figure. */
  floor?: boolean;
  /** Hold the gateway to its p50 target here (the deployed topology). */
  targets?: boolean;
}

export async function gatewayOneSubgraph(
  bench: BenchPlatform,
  settings: BenchSettings,
  operations: Map<string, string>,
  spec: OneSubgraphQuery,
  run: OneSubgraphRun = {},
): Promise<Figure[]> {
  const topology = run.topology ?? oneProcess(bench);
  const query = operations.get(spec.operation);
  if (!query) throw new Error(`the contract has no ${spec.operation} operation`);
  const body = JSON.stringify({ query, variables: spec.variables });
  const gatewayHeaders = {
    authorization: `Bearer ${await bench.token(MANAGER.roles, { sub: MANAGER.sub })}`,
  };
  const subgraphUrl = topology.subgraphUrl(spec.subgraph);
  const gatewayUrl = topology.gatewayUrl;
  // Minted per run: the internal token lives two minutes, as the gateway's does.
  const direct = async () => ({ 'x-certif-gateway-token': await bench.internalToken(MANAGER) });

  // Both ways answer without errors; the gateway's answer sizes the ceiling's.
  const answer = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...gatewayHeaders },
    body,
  });
  const bytes = Buffer.from(await answer.arrayBuffer());
  if (!answer.ok || bytes.includes('"errors"'))
    throw new Error(`${spec.operation} through the gateway: ${bytes.toString().slice(0, 300)}`);
  const directAnswer = await bench.graphql<Record<string, unknown>>(
    subgraphUrl,
    query,
    spec.variables,
    await direct(),
  );

  const load = (
    url: string,
    headers: Record<string, string>,
    connections = settings.connections,
  ): Promise<LoadResult> =>
    generateLoad({
      url,
      headers,
      bodies: [body],
      connections,
      warmUpSeconds: settings.warmUpSeconds,
      seconds: settings.seconds,
    });
  // In the deployed topology, the CPU each process spends per request (load-independent, unlike
  // latencies on a busy machine): the gateway's and the subgraph's through the gateway, the
  // subgraph's alone when called directly.
  const cpu = (name: string) => topology.cpuMs?.(name) ?? null;
  const perRequest = (before: number | null, after: number | null, result: LoadResult) =>
    before === null || after === null
      ? null
      : (after - before) / Math.max(1, result.requests + (result.warmUpRequests ?? 0));
  if (topology.cpuMs) {
    // Fresh processes: the first load run would pay for their JIT compilation (the subgraph's CPU
    // per request was 1.7× higher in the first run than in the next). Warm both ways first.
    for (const [url, headers] of [
      [gatewayUrl, gatewayHeaders],
      [subgraphUrl, await direct()],
    ] as const)
      await generateLoad({
        url,
        headers,
        bodies: [body],
        connections: settings.connections,
        warmUpSeconds: 1,
        seconds: 3,
      });
  }
  const [gatewayBefore, subgraphBefore] = [cpu('gateway'), cpu(spec.subgraph)];
  const viaGateway = await load(gatewayUrl, gatewayHeaders);
  const [gatewayAfter, subgraphBetween] = [cpu('gateway'), cpu(spec.subgraph)];
  const straight = await load(subgraphUrl, await direct());
  const subgraphAfter = cpu(spec.subgraph);
  const gatewayCpu = perRequest(gatewayBefore, gatewayAfter, viaGateway);
  const subgraphCpuViaGateway = perRequest(subgraphBefore, subgraphBetween, viaGateway);
  const subgraphCpu = perRequest(subgraphBetween, subgraphAfter, straight);
  let ceiling: LoadResult | null = null;
  if (run.ceiling ?? true) {
    const bare = await startBareServer(bytes);
    try {
      ceiling = await load(bare.url, {});
    } finally {
      await bare.stop();
    }
  }

  const floor =
    spec.floorRootField && (run.floor ?? true)
      ? await frameworkFloor(bench, subgraphUrl, query, spec, directAnswer, await direct(), (url) =>
          load(url, {}),
        )
      : null;

  // Without queueing: what the gateway adds to one request when nothing else runs.
  const aloneViaGateway = await load(gatewayUrl, gatewayHeaders, 1);
  const aloneStraight = await load(subgraphUrl, await direct(), 1);

  const scenario = (what: string) =>
    `${spec.label}${topology.label ? ` [${topology.label}]` : ''} · ${what}`;
  const figures = [
    ...loadFigures({
      scenario: scenario('via gateway'),
      result: viaGateway,
      reference: { label: 'direct', result: straight },
    }),
    ...loadFigures({
      scenario: scenario(`direct to ${spec.subgraph}`),
      result: straight,
      ...(ceiling ? { reference: { label: 'bare Node', result: ceiling } } : {}),
    }),
    ...(ceiling
      ? loadFigures({ scenario: scenario(`bare Node HTTP, ${bytes.length} B`), result: ceiling })
      : []),
    ...(floor
      ? loadFigures({
          scenario: scenario(`direct to ${spec.subgraph}, against the framework`),
          result: straight,
          reference: { label: 'minimal Apollo subgraph', result: floor },
        })
      : []),
    ...(floor
      ? loadFigures({ scenario: scenario('minimal Apollo subgraph, from memory'), result: floor })
      : []),
    ...loadFigures({
      scenario: scenario('via gateway, 1 connection'),
      result: aloneViaGateway,
      reference: { label: 'direct, 1 connection', result: aloneStraight },
    }),
  ];
  const againstFloor = figures.find(
    (f) =>
      f.scenario === scenario(`direct to ${spec.subgraph}, against the framework`) &&
      f.measure === 'requests/s',
  );
  if (againstFloor?.reference)
    againstFloor.target = {
      text: '≥ 50 % of the minimal Apollo subgraph',
      met: againstFloor.value >= 0.5 * againstFloor.reference.value,
    };
  if (gatewayCpu !== null && subgraphCpu !== null && subgraphCpuViaGateway !== null) {
    figures.push(
      {
        scenario: scenario('gateway process, CPU per request'),
        measure: 'CPU ms/request',
        value: gatewayCpu,
        unit: 'ms',
        reference: { label: `${spec.subgraph} process, direct`, value: subgraphCpu },
      },
      {
        scenario: scenario(`${spec.subgraph} process, CPU per request via the gateway`),
        measure: 'CPU ms/request',
        value: subgraphCpuViaGateway,
        unit: 'ms',
        reference: { label: 'direct', value: subgraphCpu },
      },
    );
  }
  if (run.targets) {
    for (const which of ['via gateway', 'via gateway, 1 connection']) {
      const p50 = figures.find((f) => f.scenario === scenario(which) && f.measure === 'p50');
      if (p50?.reference)
        p50.target = { text: '≤ 1.5 × direct p50', met: p50.value <= 1.5 * p50.reference.value };
    }
  }
  return figures;
}

/** The same answer from a bare `@apollo/subgraph` with the real SDL, from memory. */
async function frameworkFloor(
  bench: BenchPlatform,
  subgraphUrl: string,
  query: string,
  spec: OneSubgraphQuery,
  /** What the real subgraph answered: the minimal one serves it, and must answer the same. */
  answer: Record<string, unknown>,
  identity: Record<string, string>,
  load: (url: string) => Promise<LoadResult>,
): Promise<LoadResult> {
  const rootField = spec.floorRootField as string;
  const { _service } = await bench.graphql<{ _service: { sdl: string } }>(
    subgraphUrl,
    '{ _service { sdl } }',
    {},
    identity,
  );
  const minimal = await startMinimalSubgraph(_service.sdl, rootField, answer[rootField]);
  try {
    const check = await bench.graphql<Record<string, unknown>>(
      minimal.url,
      query,
      spec.variables,
      {},
    );
    if (JSON.stringify(check) !== JSON.stringify(answer))
      throw new Error('the minimal subgraph does not answer what the real one does');
    return await load(minimal.url);
  } finally {
    await minimal.stop();
  }
}
