import { NotFound } from '@certif/platform-errors';
import { planSession, type ExamSession, type SessionRequest } from '@certif/sessions-domain';
import type { SessionsDependencies } from '../ports';

/** planSession: a session for a whole title, given components, or a CCS, of a known certification. */
export class PlanSessionService {
  constructor(private readonly deps: SessionsDependencies) {}

  execute(request: SessionRequest): Promise<ExamSession> {
    return this.deps.unitOfWork.transaction(async (tx) => {
      const [certification] = await tx.readModels.certificationsByIds([request.certificationId]);
      if (!certification) throw new NotFound('certification', request.certificationId);
      const plan = planSession(request, certification);
      const session: ExamSession = {
        ...plan,
        id: this.deps.newId(),
        status: 'PLANNED',
        plannedAt: this.deps.clock.now(),
        deliberatedAt: null,
        version: 1,
      };
      await tx.sessions.insert(session);
      return session;
    });
  }
}
