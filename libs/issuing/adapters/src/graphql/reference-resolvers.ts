import type { IssuingContext } from './issuing-context';

/** Entities other subgraphs (and the gateway) reach by id; batched and authorized per request. */
export const issuingReferenceResolvers = {
  Candidate: {
    __resolveReference: (reference: { id: string }) => ({ id: reference.id }),
  },
  Livret: {
    __resolveReference: (reference: { id: string }, context: IssuingContext) =>
      context.loaders.livretById.load(reference.id),
  },
  Credential: {
    __resolveReference: (reference: { id: string }, context: IssuingContext) =>
      context.loaders.credentialById.load(reference.id),
  },
};
