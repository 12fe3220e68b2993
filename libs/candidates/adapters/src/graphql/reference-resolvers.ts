import { requirePrincipal } from '@certif/platform-graphql';
import type { CandidatesContext } from './candidates-context';

/**
 * Sessions and issuing point at candidates and enrolments by id; any signed-in principal may
 * follow such a reference (the subgraph that owns the referencing field checks access), batched
 * per request. R10 still holds: `accommodations` checks the caller itself.
 */
export const candidatesReferenceResolvers = {
  Candidate: {
    __resolveReference: (reference: { id: string }, context: CandidatesContext) => {
      requirePrincipal(context);
      return context.loaders.candidateById.load(reference.id);
    },
  },
  Enrollment: {
    __resolveReference: (reference: { id: string }, context: CandidatesContext) => {
      requirePrincipal(context);
      return context.loaders.enrollmentById.load(reference.id);
    },
  },
};
