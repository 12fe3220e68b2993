import { checkNewJuror } from './jury';
import { juror, refusalOf, sampleSession } from './testing';

describe('checkNewJuror', () => {
  const session = sampleSession();
  const jurors = [juror('pro-1', 'PROFESSIONAL')];

  it('seats a new person, trimmed', () => {
    expect(
      checkNewJuror(session, jurors, {
        userId: ' pro-2 ',
        name: ' Marie Curie ',
        role: 'PROFESSIONAL',
      }),
    ).toEqual({
      userId: 'pro-2',
      name: 'Marie Curie',
      role: 'PROFESSIONAL',
    });
  });

  it.each`
    case                         | input                                                   | session                                     | field             | rule
    ${'a person already seated'} | ${{ userId: 'pro-1', name: 'Again', role: 'TRAINER' }}  | ${session}                                  | ${'input.userId'} | ${'duplicate'}
    ${'an empty name'}           | ${{ userId: 'pro-2', name: ' ', role: 'PROFESSIONAL' }} | ${session}                                  | ${'input.name'}   | ${undefined}
    ${'an empty user id'}        | ${{ userId: '', name: 'A', role: 'PROFESSIONAL' }}      | ${session}                                  | ${'input.userId'} | ${undefined}
    ${'an unknown role'}         | ${{ userId: 'pro-2', name: 'A', role: 'BOSS' }}         | ${session}                                  | ${'input.role'}   | ${undefined}
    ${'a deliberated session'}   | ${{ userId: 'pro-2', name: 'A', role: 'PROFESSIONAL' }} | ${sampleSession({ status: 'DELIBERATED' })} | ${'sessionId'}    | ${'session-status'}
  `('refuses $case', ({ input, session: target, field, rule }) => {
    expect(refusalOf(() => checkNewJuror(target, jurors, input))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field,
      rule,
    });
  });
});
