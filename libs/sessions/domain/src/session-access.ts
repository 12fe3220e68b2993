import type { Juror } from './exam-session';

/** Who is asking: the verified token's `sub` and roles. */
export interface Caller {
  sub: string;
  roles: readonly string[];
}

/** A JURY_MEMBER whose `sub` is the userId of one of the session's jurors. */
export function sitsOnJury(caller: Caller, jurors: readonly Juror[]): boolean {
  return (
    caller.roles.includes('JURY_MEMBER') && jurors.some((juror) => juror.userId === caller.sub)
  );
}

/** Reading a session (its candidates, the procès-verbal): its jurors, session managers, admins. */
export function mayReadSession(caller: Caller, jurors: readonly Juror[]): boolean {
  return (
    caller.roles.includes('ADMIN') ||
    caller.roles.includes('SESSION_MANAGER') ||
    sitsOnJury(caller, jurors)
  );
}

/** Recording the deliberation: only the session's jurors, or an admin (not a session manager). */
export function mayDeliberate(caller: Caller, jurors: readonly Juror[]): boolean {
  return caller.roles.includes('ADMIN') || sitsOnJury(caller, jurors);
}
