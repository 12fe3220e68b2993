import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSchema } from 'graphql';
import { fixedClock } from '@certif/platform-calendar';
import { EmbeddedBus, eventsSchema } from '@certif/platform-events';
import { createLogger } from '@certif/platform-observability';
import { startSubgraph } from './start-subgraph';

describe('startSubgraph: the one shape of a composition root', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'certif-subgraph-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('knows its address before wiring, serves once wired, and stops what it started', async () => {
    const steps: string[] = [];
    let wiredAt = '';
    const service = await startSubgraph(
      {
        port: 0,
        logger: createLogger({ service: 'probe', level: 'silent' }),
        dataDir,
        internalSecret: 'internal-test-secret-long-enough-for-hs256!!',
        auth: { kind: 'hs256', secret: 'probe-test-secret-that-is-long-enough-for-hs256' },
        clock: fixedClock('2026-06-01'),
        bus: new EmbeddedBus(),
      },
      {
        name: 'probe',
        storage: eventsSchema,
        wire: async (_storage, { origin }) => {
          wiredAt = origin;
          steps.push('wire');
          return {
            schema: buildSchema('type Query { hello: String }'),
            context: (base) => base,
            routes: (app) => app.get('/origin', (_request, response) => response.send(origin)),
            started: async () => {
              steps.push('started');
            },
            stop: () => {
              steps.push('stop');
            },
            exposed: {
              get late() {
                return steps.length;
              },
            },
          };
        },
      },
    );
    const origin = service.url.replace(/\/graphql$/, '');
    expect(wiredAt).toBe(origin);
    expect(await (await fetch(`${origin}/origin`)).text()).toBe(origin);
    expect((await fetch(`${origin}/readyz`)).status).toBe(200);
    expect(steps).toEqual(['wire', 'started']);
    // An exposed getter stays a getter.
    steps.push('read');
    expect(service.late).toBe(3);
    await service.stop();
    expect(steps).toEqual(['wire', 'started', 'read', 'stop']);
  });
});
