import type { GraphQLSchema } from 'graphql';
import { buildSubgraphSchema, ResolverContainer } from '@certif/platform-graphql';
import {
  CertificationResolver,
  CorrespondenceResolver,
  referentialsReferenceResolvers,
  type ReferentialsUseCases,
} from '@certif/referentials-adapters';

/**
 * The referentials subgraph schema. Without use cases it is built for its SDL only
 * (supergraph composition), with no database behind it.
 */
export function buildReferentialsSchema(useCases?: ReferentialsUseCases): Promise<GraphQLSchema> {
  const container = useCases
    ? new ResolverContainer()
        .register(CertificationResolver, new CertificationResolver(useCases))
        .register(CorrespondenceResolver, new CorrespondenceResolver())
    : undefined;
  return buildSubgraphSchema({
    resolvers: [CertificationResolver, CorrespondenceResolver],
    referenceResolvers: referentialsReferenceResolvers,
    ...(container ? { container } : {}),
  });
}
