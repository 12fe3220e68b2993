import { mayDeliberate, mayReadSession } from './session-access';
import { juror } from './testing';

describe('who may read a session and record its deliberation', () => {
  const jurors = [juror('pro-1', 'PROFESSIONAL'), juror('trainer-1', 'TRAINER')];

  it.each`
    caller                                                         | read     | deliberate
    ${{ sub: 'pro-1', roles: ['JURY_MEMBER'] }}                    | ${true}  | ${true}
    ${{ sub: 'trainer-1', roles: ['JURY_MEMBER'] }}                | ${true}  | ${true}
    ${{ sub: 'pro-9', roles: ['JURY_MEMBER'] }}                    | ${false} | ${false}
    ${{ sub: 'pro-1', roles: ['CANDIDATE'] }}                      | ${false} | ${false}
    ${{ sub: 'manager', roles: ['SESSION_MANAGER'] }}              | ${true}  | ${false}
    ${{ sub: 'pro-1', roles: ['SESSION_MANAGER', 'JURY_MEMBER'] }} | ${true}  | ${true}
    ${{ sub: 'admin', roles: ['ADMIN'] }}                          | ${true}  | ${true}
    ${{ sub: 'ref', roles: ['REFERENTIAL_MANAGER'] }}              | ${false} | ${false}
  `(
    '$caller.sub with $caller.roles: read $read, deliberate $deliberate',
    ({ caller, read, deliberate }) => {
      expect(mayReadSession(caller, jurors)).toBe(read);
      expect(mayDeliberate(caller, jurors)).toBe(deliberate);
    },
  );
});
