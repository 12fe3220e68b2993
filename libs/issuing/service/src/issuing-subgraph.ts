import type { GraphQLSchema } from 'graphql';
import { buildSubgraphSchema, ResolverContainer } from '@certif/platform-graphql';
import {
  CandidateRecordResolver,
  CandidateType,
  CpfDepositsResolver,
  CredentialResolver,
  issuingReferenceResolvers,
  LivretType,
} from '@certif/issuing-adapters';
import type {
  CandidateRecordsQueries,
  CpfDepositsQueries,
  IssuingLinks,
  RevokeParcheminService,
} from '@certif/issuing-application';

export interface IssuingResolverDependencies {
  records: CandidateRecordsQueries;
  revokeParchemin: RevokeParcheminService;
  links: IssuingLinks;
  cpfDeposits: CpfDepositsQueries;
}

/**
 * The issuing subgraph schema. Without dependencies it is built for its SDL only (supergraph
 * composition), with no database behind it.
 */
export function buildIssuingSchema(deps?: IssuingResolverDependencies): Promise<GraphQLSchema> {
  const container = deps
    ? new ResolverContainer()
        .register(CandidateRecordResolver, new CandidateRecordResolver())
        .register(
          CredentialResolver,
          new CredentialResolver(deps.records, deps.revokeParchemin, deps.links),
        )
        .register(CpfDepositsResolver, new CpfDepositsResolver(deps.cpfDeposits))
    : undefined;
  return buildSubgraphSchema({
    resolvers: [CandidateRecordResolver, CredentialResolver, CpfDepositsResolver],
    // Reachable only through Candidate, which no root field of issuing returns.
    orphanedTypes: [CandidateType, LivretType],
    referenceResolvers: issuingReferenceResolvers,
    ...(container ? { container } : {}),
  });
}
