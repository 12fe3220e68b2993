import { Forbidden } from '@certif/platform-errors';
import {
  checkDeliberation,
  mayDeliberate,
  recordedDecision,
  type Caller,
  type DecisionRequest,
  type ExamSession,
} from '@certif/sessions-domain';
import { certificationOf, lockSession } from '../loading';
import type { SessionsDependencies } from '../ports';
import { deliberationEvents } from './deliberation-events';

/**
 * recordDeliberation: every registration of the session decided in one call and one transaction
 * — decisions, their events and the session's new status commit together or not at all. The
 * number of statements does not grow with the number of registrations.
 */
export class RecordDeliberationService {
  constructor(private readonly deps: SessionsDependencies) {}

  execute(
    caller: Caller,
    sessionId: string,
    requests: readonly DecisionRequest[],
  ): Promise<ExamSession> {
    return this.deps.unitOfWork.transaction(async (tx) => {
      const session = await lockSession(tx, sessionId);
      const jurors = await tx.jurors.findBySessions([session.id]);
      if (!mayDeliberate(caller, jurors)) {
        throw new Forbidden('Only a juror of this session (or an admin) records its deliberation');
      }
      const certification = await certificationOf(tx, session);
      const registrations = await tx.registrations.findBySessions([session.id]);
      const checked = checkDeliberation(
        { session, certification, jurors, registrations, today: this.deps.clock.today() },
        requests,
      );
      const recordedAt = this.deps.clock.now();
      const decided = checked.map((c) => ({
        checked: c,
        decision: recordedDecision(session, c, {
          id: this.deps.newId(),
          recordedAt,
          recordedBy: caller.sub,
        }),
      }));
      await tx.decisions.insertMany(decided.map((d) => d.decision));
      const { acquired, titles } = deliberationEvents(session, certification, decided);
      await tx.events.publish(acquired, titles);
      const deliberated: ExamSession = {
        ...session,
        status: 'DELIBERATED',
        deliberatedAt: recordedAt,
        version: session.version + 1,
      };
      await tx.sessions.update(deliberated);
      return deliberated;
    });
  }
}
