import { Forbidden } from '@certif/platform-errors';
import { requirePrincipal } from '@certif/platform-graphql';
import { mayReadSession, type ExamSession } from '@certif/sessions-domain';
import { toExamSessionType, toRegistrationType } from './session.mapper';
import type { SessionsContext } from './sessions-context';

/** A session is read by its jurors, its centre's managers and admins, through `_entities` too. */
async function assertMayRead(context: SessionsContext, session: ExamSession): Promise<void> {
  const jurors = await context.loaders.jurorsBySession.load(session.id);
  if (!mayReadSession(requirePrincipal(context), jurors, session.center)) {
    throw new Forbidden(
      `Only the jurors of this session, session managers of ${session.center} and admins may read it`,
    );
  }
}

/** Other subgraphs reference sessions and registrations by id; batched per request. */
export const sessionsReferenceResolvers = {
  ExamSession: {
    __resolveReference: async (reference: { id: string }, context: SessionsContext) => {
      const session = await context.loaders.sessionById.load(reference.id);
      if (!session) return null;
      await assertMayRead(context, session);
      return toExamSessionType(session);
    },
  },
  Registration: {
    __resolveReference: async (reference: { id: string }, context: SessionsContext) => {
      const registration = await context.loaders.registrationById.load(reference.id);
      if (!registration) return null;
      const session = await context.loaders.sessionById.load(registration.sessionId);
      if (!session) return null;
      await assertMayRead(context, session);
      return toRegistrationType(registration);
    },
  },
};
