import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createLogger } from '@certif/platform-observability';
import type { RunningHttpService } from '@certif/platform-http';
import { startGateway } from './gateway-service';

// Starting a gateway takes seconds on a busy machine; each answer itself is timed below.
jest.setTimeout(60_000);

/**
 * The gateway's edge, tried as an attacker would: anonymously, with the documents of issue 12.
 * Every refusal comes before any subgraph is called (none runs here).
 */
const supergraphSdl = readFileSync(
  resolve(__dirname, '../../../../apps/gateway/supergraph.graphql'),
  'utf8',
);
const nowhere = {
  referentials: 'http://127.0.0.1:9/graphql',
  candidates: 'http://127.0.0.1:9/graphql',
  sessions: 'http://127.0.0.1:9/graphql',
  issuing: 'http://127.0.0.1:9/graphql',
};

async function start(options: { production?: boolean } = {}): Promise<RunningHttpService> {
  return startGateway({
    port: 0,
    logger: createLogger({ service: 'gateway', level: 'silent' }),
    supergraphSdl,
    subgraphUrls: nowhere,
    auth: { kind: 'hs256', secret: 'gateway-edge-test-secret-long-enough!!' },
    internalSecret: 'gateway-edge-internal-secret-long-enough!',
    ...options,
  });
}

interface Answer {
  status: number;
  ms: number;
  body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
}

async function post(gateway: RunningHttpService, body: unknown): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    ms: performance.now() - started,
    body: (await response.json()) as Answer['body'],
  };
}

function exponentialFragments(count: number): string {
  let source = 'query { ...F0 }\n';
  for (let i = 0; i < count; i += 1)
    source += `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }\n`;
  return `${source}fragment F${count} on Query { certifications { totalCount } }\n`;
}

describe('the gateway under hostile documents', () => {
  let gateway: RunningHttpService;
  beforeAll(async () => {
    gateway = await start();
    // Warm up: the first answer and the first refusal load code.
    await post(gateway, { query: '{ __typename }' });
    await post(gateway, { query: '{ nope }' });
  });
  afterAll(() => gateway.stop());

  it.each([
    [
      'a fragment cycle',
      'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }',
    ],
    ['a spread of an unknown fragment', 'query { ...Nope }'],
    ['1 KB of fragments each spreading the next twice', exponentialFragments(24)],
    [
      '300 aliased certifications(first: 100)',
      `{ ${Array.from({ length: 300 }, (_, i) => `a${i}: certifications(first: 100) { edges { node { id } } }`).join(' ')} }`,
    ],
    [
      '16 aliases',
      `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: certifications { totalCount }`).join(' ')} }`,
    ],
    [
      'a query 12 levels deep',
      `{ certification(code: "X") { ${'revises { '.repeat(11)}code${' }'.repeat(11)} } }`,
    ],
  ])('answers %s with 400 GRAPHQL_VALIDATION_FAILED in milliseconds', async (_, query) => {
    const answer = await post(gateway, { query });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    // Milliseconds on an idle machine; the bound leaves room for a busy CI (it took 3 s before).
    expect(answer.ms).toBeLessThan(1000);
  });

  it('caps batches: 6 operations at once are refused, 2 are served', async () => {
    const one = { query: '{ __typename }' };
    const refused = await post(gateway, Array(6).fill(one));
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]?.message).toMatch(
      /batch of 6 operations exceeds the limit of 5/,
    );
    const served = await post(gateway, [one, one]);
    expect(served.status).toBe(200);
    expect(served.body).toEqual([
      { data: { __typename: 'Query' } },
      { data: { __typename: 'Query' } },
    ]);
  });

  it('refuses a list of 1,001 items in the variables', async () => {
    const answer = await post(gateway, {
      query:
        'mutation($d: [DecisionInput!]!) { recordDeliberation(sessionId: "s", decisions: $d) { id } }',
      variables: { d: Array.from({ length: 1001 }, () => ({})) },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('answers introspection outside production', async () => {
    const answer = await post(gateway, { query: '{ __schema { queryType { name } } }' });
    expect(answer.body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('labels every unmatched path with one route value', async () => {
    const metricsUrl = gateway.url.replace(/\/graphql$/, '/metrics');
    const series = async () =>
      (await (await fetch(metricsUrl)).text())
        .split('\n')
        .filter(
          (l) =>
            l.startsWith('http_request_duration_seconds_count{') && l.includes('service="gateway"'),
        );
    await series(); // the scrape itself is a route with its own series
    for (let i = 0; i < 40; i += 1) {
      await fetch(gateway.url.replace(/\/graphql$/, `/probe-${i}-${Math.random()}`));
    }
    const lines = await series();
    expect(lines.filter((l) => l.includes('probe'))).toEqual([]);
    expect(lines.filter((l) => l.includes('route="unmatched"'))).toEqual([
      expect.stringContaining('method="GET",route="unmatched",status="404"'),
    ]);
    for (let i = 0; i < 40; i += 1) {
      await fetch(gateway.url.replace(/\/graphql$/, `/other-${i}`));
    }
    expect((await series()).length).toBe(lines.length);
  });
});

describe('the gateway in production', () => {
  let gateway: RunningHttpService;
  beforeAll(async () => {
    gateway = await start({ production: true });
  });
  afterAll(() => gateway.stop());

  it('refuses introspection', async () => {
    const answer = await post(gateway, { query: '{ __schema { queryType { name } } }' });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('says on its landing page where the schema is', async () => {
    const page = await fetch(gateway.url, { headers: { accept: 'text/html' } });
    const html = await page.text();
    expect(html).toContain('Introspection is off');
    expect(html).toContain('supergraph');
  });
});
