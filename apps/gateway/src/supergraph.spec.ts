import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeSupergraph } from '@certif/gateway-server/composition';
import { subgraphSources } from '@certif/one-process';

describe('the committed supergraph', () => {
  it('is what the current subgraphs compose into (run npm run compose-supergraph if not)', async () => {
    const committed = readFileSync(join(__dirname, '..', 'supergraph.graphql'), 'utf8');
    expect(composeSupergraph(await subgraphSources())).toBe(committed);
  });
});
