import { requirePrincipal } from '@certif/platform-graphql';
import type { ReferentialsContext } from './referentials-context';

/** Other subgraphs reference certifications and components by id; batched per request. */
export const referentialsReferenceResolvers = {
  Certification: {
    __resolveReference: (reference: { id: string }, context: ReferentialsContext) => {
      requirePrincipal(context);
      return context.loaders.certificationById.load(reference.id);
    },
  },
  Component: {
    __resolveReference: (reference: { id: string }, context: ReferentialsContext) => {
      requirePrincipal(context);
      return context.loaders.componentById.load(reference.id);
    },
  },
};
