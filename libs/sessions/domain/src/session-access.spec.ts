import { managesCenter, mayDeliberate, mayReadSession } from './session-access';
import { juror } from './testing';

describe('who may read a session and record its deliberation', () => {
  const jurors = [juror('pro-1', 'PROFESSIONAL'), juror('trainer-1', 'TRAINER')];

  it.each`
    caller                                                                            | read     | deliberate
    ${{ sub: 'pro-1', roles: ['JURY_MEMBER'] }}                                       | ${true}  | ${true}
    ${{ sub: 'trainer-1', roles: ['JURY_MEMBER'] }}                                   | ${true}  | ${true}
    ${{ sub: 'pro-9', roles: ['JURY_MEMBER'] }}                                       | ${false} | ${false}
    ${{ sub: 'pro-1', roles: ['CANDIDATE'] }}                                         | ${false} | ${false}
    ${{ sub: 'manager', roles: ['SESSION_MANAGER'] }}                                 | ${true}  | ${false}
    ${{ sub: 'lyon', roles: ['SESSION_MANAGER'], centers: ['AFPA Lyon'] }}            | ${true}  | ${false}
    ${{ sub: 'nantes', roles: ['SESSION_MANAGER'], centers: ['AFPA Nantes'] }}        | ${false} | ${false}
    ${{ sub: 'none', roles: ['SESSION_MANAGER'], centers: [] }}                       | ${false} | ${false}
    ${{ sub: 'pro-1', roles: ['SESSION_MANAGER', 'JURY_MEMBER'], centers: ['Nice'] }} | ${true}  | ${true}
    ${{ sub: 'admin', roles: ['ADMIN'] }}                                             | ${true}  | ${true}
    ${{ sub: 'admin', roles: ['ADMIN'], centers: ['Nice'] }}                          | ${true}  | ${true}
    ${{ sub: 'ref', roles: ['REFERENTIAL_MANAGER'] }}                                 | ${false} | ${false}
  `(
    '$caller.sub with $caller.roles: read $read, deliberate $deliberate',
    ({ caller, read, deliberate }) => {
      expect(mayReadSession(caller, jurors, 'AFPA Lyon')).toBe(read);
      expect(mayDeliberate(caller, jurors)).toBe(deliberate);
    },
  );
});

describe('centers claim: a session manager acts only on the listed centres', () => {
  it.each`
    centers                      | center           | manages
    ${undefined}                 | ${'AFPA Lyon'}   | ${true}
    ${['AFPA Lyon']}             | ${'AFPA Lyon'}   | ${true}
    ${['AFPA Lyon', 'Grenoble']} | ${'Grenoble'}    | ${true}
    ${['AFPA Lyon']}             | ${'AFPA Nantes'} | ${false}
    ${['afpa lyon']}             | ${'AFPA Lyon'}   | ${false}
    ${[]}                        | ${'AFPA Lyon'}   | ${false}
  `('centers $centers, session at $center: $manages', ({ centers, center, manages }) => {
    const caller = { sub: 'm', roles: ['SESSION_MANAGER'], ...(centers ? { centers } : {}) };
    expect(managesCenter(caller, center)).toBe(manages);
  });
});
