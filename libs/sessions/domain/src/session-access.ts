import type { Juror } from './exam-session';

/**
 * Who is asking: the verified token's `sub`, roles, and for a session manager limited to some
 * exam centres, `centers` (absent: every centre).
 */
export interface Caller {
  sub: string;
  roles: readonly string[];
  centers?: readonly string[];
}

/** A JURY_MEMBER whose `sub` is the userId of one of the session's jurors. */
export function sitsOnJury(caller: Caller, jurors: readonly Juror[]): boolean {
  return (
    caller.roles.includes('JURY_MEMBER') && jurors.some((juror) => juror.userId === caller.sub)
  );
}

/**
 * An admin, or a session manager of that centre: one without the `centers` claim manages every
 * centre, one with it only those listed (contract, "Added in the next release").
 */
export function managesCenter(caller: Caller, center: string): boolean {
  if (caller.roles.includes('ADMIN')) return true;
  if (!caller.roles.includes('SESSION_MANAGER')) return false;
  return caller.centers === undefined || caller.centers.includes(center);
}

/** Reading a session (its candidates, the procès-verbal): its jurors, its centre's managers, admins. */
export function mayReadSession(caller: Caller, jurors: readonly Juror[], center: string): boolean {
  return managesCenter(caller, center) || sitsOnJury(caller, jurors);
}

/** Recording the deliberation: only the session's jurors, or an admin (not a session manager). */
export function mayDeliberate(caller: Caller, jurors: readonly Juror[]): boolean {
  return caller.roles.includes('ADMIN') || sitsOnJury(caller, jurors);
}
