import type { GraphQLSchema } from 'graphql';
import { buildSubgraphSchema, ResolverContainer } from '@certif/platform-graphql';
import {
  ExamSessionFieldsResolver,
  RegistrationFieldsResolver,
  SessionResolver,
  sessionsReferenceResolvers,
  type SessionUseCases,
} from '@certif/sessions-adapters';

/**
 * The sessions subgraph schema. Without use cases it is built for its SDL only (supergraph
 * composition), with no database behind it.
 */
export function buildSessionsSchema(useCases?: SessionUseCases): Promise<GraphQLSchema> {
  const container = useCases
    ? new ResolverContainer()
        .register(SessionResolver, new SessionResolver(useCases))
        .register(ExamSessionFieldsResolver, new ExamSessionFieldsResolver())
        .register(RegistrationFieldsResolver, new RegistrationFieldsResolver())
    : undefined;
  return buildSubgraphSchema({
    resolvers: [SessionResolver, ExamSessionFieldsResolver, RegistrationFieldsResolver],
    referenceResolvers: sessionsReferenceResolvers,
    ...(container ? { container } : {}),
  });
}
