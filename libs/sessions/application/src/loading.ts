import { NotFound } from '@certif/platform-errors';
import type { CertificationView, ExamSession } from '@certif/sessions-domain';
import type { SessionsStore } from './ports';

export async function lockSession(store: SessionsStore, id: string): Promise<ExamSession> {
  const session = await store.sessions.lock(id);
  if (!session) throw new NotFound('session', id);
  return session;
}

/** A session's certification is in the read model: the session was planned against it. */
export async function certificationOf(
  store: SessionsStore,
  session: ExamSession,
): Promise<CertificationView> {
  const [certification] = await store.readModels.certificationsByIds([session.certificationId]);
  if (!certification)
    throw new Error(
      `certification ${session.certificationId} of session ${session.id} is not in the read model`,
    );
  return certification;
}
