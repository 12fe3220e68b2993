import type { GraphQLSchema } from 'graphql';
import { buildSubgraphSchema, ResolverContainer } from '@certif/platform-graphql';
import {
  CandidateFieldsResolver,
  CandidateResolver,
  candidatesReferenceResolvers,
  EnrollmentResolver,
  PersonalDataResolver,
  type CandidatesUseCases,
} from '@certif/candidates-adapters';

/**
 * The candidates subgraph schema. Without use cases it is built for its SDL only (supergraph
 * composition), with no database behind it.
 */
export function buildCandidatesSchema(useCases?: CandidatesUseCases): Promise<GraphQLSchema> {
  const container = useCases
    ? new ResolverContainer()
        .register(CandidateResolver, new CandidateResolver(useCases))
        .register(CandidateFieldsResolver, new CandidateFieldsResolver())
        .register(EnrollmentResolver, new EnrollmentResolver(useCases))
        .register(PersonalDataResolver, new PersonalDataResolver(useCases))
    : undefined;
  return buildSubgraphSchema({
    resolvers: [
      CandidateResolver,
      CandidateFieldsResolver,
      EnrollmentResolver,
      PersonalDataResolver,
    ],
    referenceResolvers: candidatesReferenceResolvers,
    ...(container ? { container } : {}),
  });
}
