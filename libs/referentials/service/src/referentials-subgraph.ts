import type { GraphQLSchema } from 'graphql';
import { buildSubgraphSchema, ResolverContainer } from '@certif/platform-graphql';
import {
  CertificationResolver,
  CorrespondenceResolver,
  referentialsReferenceResolvers,
} from '@certif/referentials-adapters';
import type { CertificationCatalog } from '@certif/referentials-application';

/**
 * The referentials subgraph schema. Without a catalog it is built for its SDL only
 * (supergraph composition), with no database behind it.
 */
export function buildReferentialsSchema(catalog?: CertificationCatalog): Promise<GraphQLSchema> {
  const container = catalog
    ? new ResolverContainer()
        .register(CertificationResolver, new CertificationResolver(catalog))
        .register(CorrespondenceResolver, new CorrespondenceResolver())
    : undefined;
  return buildSubgraphSchema({
    resolvers: [CertificationResolver, CorrespondenceResolver],
    referenceResolvers: referentialsReferenceResolvers,
    ...(container ? { container } : {}),
  });
}
