import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

export interface SubgraphSource {
  name: string;
  url: string;
  sdl: string;
}

export class CompositionError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `The subgraphs do not compose into a supergraph:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'CompositionError';
  }
}

/** Federation-2 composition, as rover would do it, in process (@apollo/composition). */
export function composeSupergraph(subgraphs: SubgraphSource[]): string {
  const result = composeServices(
    [...subgraphs]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })),
  );
  if (result.errors) throw new CompositionError(result.errors.map((e) => e.message));
  return result.supergraphSdl;
}
