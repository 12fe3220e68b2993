import { buildSubgraphSchema as buildApolloSubgraph, printSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import {
  buildSchema,
  createResolversMap,
  type ContainerType,
  type NonEmptyArray,
} from 'type-graphql';
import { DateTimeScalar } from './scalars';
import { roleAuthChecker } from './subgraph-context';

const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.5",
  import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible"])`;

type ReferenceResolvers = Record<string, { __resolveReference: (...args: never[]) => unknown }>;

export interface SubgraphDefinition {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  /** `__resolveReference` per entity type, batched by the caller (DataLoader). */
  referenceResolvers?: ReferenceResolvers;
  /** Where resolver instances come from; omitted when only the SDL is wanted. */
  container?: ContainerType;
}

/**
 * type-graphql resolvers → a federation-2 subgraph schema. The type-graphql schema is printed with
 * its directives (`@key`, `@shareable`) and handed to @apollo/subgraph, which adds `_service` and
 * `_entities`; reference resolvers are merged in per type.
 */
export async function buildSubgraphSchema(definition: SubgraphDefinition): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: definition.resolvers,
    orphanedTypes: definition.orphanedTypes ?? [],
    ...(definition.container ? { container: definition.container } : {}),
    authChecker: roleAuthChecker,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
    skipCheck: true,
  });
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [typeName, reference] of Object.entries(definition.referenceResolvers ?? {})) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...reference } as never;
  }
  return buildApolloSubgraph({
    typeDefs: parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`),
    resolvers,
  });
}

/** The SDL the supergraph is composed from, federation directives included. */
export function subgraphSdl(schema: GraphQLSchema): string {
  return printSubgraphSchema(schema);
}
