import { subgraphSdl } from '@certif/platform-graphql';
import { buildReferentialsSchema } from '@certif/referentials-service';
import type { SubgraphSource } from '@certif/gateway-server';

/** The subgraphs of the platform, with their contract ports (../shared/contract/README.md). */
export const SUBGRAPHS: { name: string; port: number; sdl: () => Promise<string> }[] = [
  { name: 'referentials', port: 4001, sdl: async () => subgraphSdl(await buildReferentialsSchema()) },
];

/** What the committed supergraph is composed from: each subgraph's SDL, built without a database. */
export async function subgraphSources(host = 'localhost'): Promise<SubgraphSource[]> {
  return Promise.all(
    SUBGRAPHS.map(async ({ name, port, sdl }) => ({ name, url: `http://${host}:${port}/graphql`, sdl: await sdl() })),
  );
}
