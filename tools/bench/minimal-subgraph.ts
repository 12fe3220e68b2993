import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';

export interface MinimalSubgraph {
  url: string;
  stop(): Promise<void>;
}

/**
 * The framework's floor: a bare `@apollo/subgraph` on Apollo's standalone server, with the real
 * subgraph's SDL and one root field answering a response captured from it, from memory. No
 * database, no authentication, no middleware: what is left of a request's cost is Apollo's own
 * parse, validate, execute and serialise, so the gap to the real subgraph is ours.
 */
export async function startMinimalSubgraph(
  sdl: string,
  rootField: string,
  answer: unknown,
): Promise<MinimalSubgraph> {
  const schema = buildSubgraphSchema({
    typeDefs: parse(sdl),
    resolvers: { Query: { [rootField]: () => answer } },
  });
  // Inline traces are only built when a gateway asks for them; disabled here to keep logs quiet.
  const server = new ApolloServer({ schema, plugins: [ApolloServerPluginInlineTraceDisabled()] });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return { url, stop: () => server.stop() };
}
