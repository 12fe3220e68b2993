import { InputProblems, InvalidInput } from '@certif/platform-errors';
import type { ExamSession, Juror } from './exam-session';
import { JUROR_ROLES, type JurorRole } from './session-vocabulary';

export interface JurorRequest {
  userId: string;
  name: string;
  role: JurorRole;
}

/** A session that has deliberated keeps the jury that decided: it is part of the record (R9). */
export function assertOpenForChanges(session: ExamSession, what: string): void {
  if (session.status !== 'PLANNED') {
    throw new InvalidInput(
      `session ${session.id} is ${session.status}: ${what} is no longer possible once the jury has deliberated`,
      'sessionId',
      'session-status',
    );
  }
}

/** addJuror: one seat per person (userId = their JWT sub), a name, a known role. */
export function checkNewJuror(
  session: ExamSession,
  jurors: readonly Juror[],
  request: JurorRequest,
): JurorRequest {
  assertOpenForChanges(session, 'changing the jury');
  const userId = request.userId.trim();
  const name = request.name.trim();
  const problems = new InputProblems()
    .check(userId !== '', 'input.userId', 'must be the juror’s user id (the sub of their token)')
    .check(
      userId.length <= 100,
      'input.userId',
      `must be at most 100 characters; got ${userId.length}`,
    )
    .check(
      name !== '',
      'input.name',
      'must give the juror’s name, as it appears on the procès-verbal',
    )
    .check(name.length <= 200, 'input.name', `must be at most 200 characters; got ${name.length}`)
    .check(JUROR_ROLES.includes(request.role), 'input.role', `unknown role ${request.role}`);
  problems.throwIfAny();
  const seated = jurors.find((juror) => juror.userId === userId);
  if (seated) {
    throw new InvalidInput(
      `user ${userId} already sits on this jury (as ${seated.name}, ${seated.role}); a person has one seat per session`,
      'input.userId',
      'duplicate',
    );
  }
  return { userId, name, role: request.role };
}
