import { checkNewJuror, type ExamSession, type JurorRequest } from '@certif/sessions-domain';
import { lockSession } from '../loading';
import type { SessionsDependencies } from '../ports';

/** addJuror: seats a person (by the `sub` of their token) on a session's jury. */
export class AddJurorService {
  constructor(private readonly deps: SessionsDependencies) {}

  execute(sessionId: string, request: JurorRequest): Promise<ExamSession> {
    return this.deps.unitOfWork.transaction(async (tx) => {
      const session = await lockSession(tx, sessionId);
      const jurors = await tx.jurors.findBySessions([session.id]);
      const juror = checkNewJuror(session, jurors, request);
      await tx.jurors.insert({ ...juror, id: this.deps.newId(), sessionId: session.id });
      return session;
    });
  }
}
