// Composes the subgraphs' SDL into the supergraph the gateway serves in production, and writes it
// to apps/gateway/supergraph.graphql (committed). `--check` fails when the committed file is stale.
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { composeSupergraph } from '@certif/gateway-server/composition';
import { subgraphSources } from '@certif/one-process';

const SUPERGRAPH_FILE = 'apps/gateway/supergraph.graphql';

async function main(): Promise<void> {
  const supergraph = composeSupergraph(await subgraphSources());
  if (process.argv.includes('--check')) {
    const committed = readFileSync(SUPERGRAPH_FILE, 'utf8');
    if (committed !== supergraph) {
      console.error(`${SUPERGRAPH_FILE} is stale: run npm run compose-supergraph and commit it`);
      process.exit(1);
    }
    console.log(`${SUPERGRAPH_FILE} is current`);
    return;
  }
  writeFileSync(SUPERGRAPH_FILE, supergraph);
  console.log(`wrote ${SUPERGRAPH_FILE}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
