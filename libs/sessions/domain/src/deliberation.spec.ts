import { checkDeliberation, type DecisionRequest, type DeliberationFacts } from './deliberation';
import { defaultJuryRule } from './jury-rule';
import type { Juror } from './exam-session';
import { juror, refusalOf, registration, sampleCertification, sampleSession } from './testing';

const professionals = [juror('pro-1', 'PROFESSIONAL'), juror('pro-2', 'PROFESSIONAL')];

function facts(overrides: Partial<DeliberationFacts> = {}): DeliberationFacts {
  return {
    session: sampleSession(),
    certification: sampleCertification(),
    jurors: professionals,
    registrations: [registration(1), registration(2)],
    today: '2026-11-22',
    ...overrides,
  };
}

const decision = (index: number, overrides: Partial<DecisionRequest> = {}): DecisionRequest => ({
  registrationId: `registration-${index}`,
  outcome: 'NOT_AWARDED',
  awardedComponentIds: null,
  finalInterviewPassed: null,
  decidedOn: '2026-06-05',
  ...overrides,
});

const componentsSession = sampleSession({ scope: 'COMPONENTS', componentIds: ['ccp2', 'ccp3'] });
const ccsSession = sampleSession({
  scope: 'SPECIALIZATION',
  componentIds: [],
  specializationId: 'ccs1',
});

describe('checkDeliberation: the jury, by the contract’s default rule (R9)', () => {
  it.each`
    case                                                    | jurors                                                                                             | kind                    | allowed
    ${'two PROFESSIONAL jurors'}                            | ${professionals}                                                                                   | ${'PROFESSIONAL_TITLE'} | ${true}
    ${'one PROFESSIONAL juror'}                             | ${[juror('pro-1', 'PROFESSIONAL')]}                                                                | ${'PROFESSIONAL_TITLE'} | ${false}
    ${'one PROFESSIONAL and one TRAINER (R8 pair)'}         | ${[juror('pro-1', 'PROFESSIONAL'), juror('t-1', 'TRAINER')]}                                       | ${'PROFESSIONAL_TITLE'} | ${false}
    ${'one PROFESSIONAL, a TEACHER, a representative'}      | ${[juror('pro-1', 'PROFESSIONAL'), juror('t', 'TEACHER'), juror('c', 'CERTIFIER_REPRESENTATIVE')]} | ${'PROFESSIONAL_TITLE'} | ${false}
    ${'no juror at all'}                                    | ${[]}                                                                                              | ${'PROFESSIONAL_TITLE'} | ${false}
    ${'a CNAM jury: teacher, representative, professional'} | ${[juror('t', 'TEACHER'), juror('c', 'CERTIFIER_REPRESENTATIVE'), juror('p', 'PROFESSIONAL')]}     | ${'RNCP_CERTIFICATION'} | ${true}
  `('a $kind session with $case: allowed $allowed', ({ jurors, kind, allowed }) => {
    const check = () =>
      checkDeliberation(
        facts({
          jurors: jurors as Juror[],
          certification: sampleCertification({ kind, juryRule: defaultJuryRule(kind) }),
        }),
        [decision(1), decision(2)],
      );
    if (allowed) expect(check).not.toThrow();
    else
      expect(refusalOf(check)).toMatchObject({
        rule: 'R9',
        field: 'sessionId',
        message: expect.stringMatching(/does not meet TP-CDA's jury rule/),
      });
  });

  it('deliberates once: a deliberated session refuses a second record', () => {
    const error = refusalOf(() =>
      checkDeliberation(facts({ session: sampleSession({ status: 'DELIBERATED' }) }), [
        decision(1),
        decision(2),
      ]),
    );
    expect(error).toMatchObject({ field: 'sessionId', rule: 'session-status' });
  });
});

describe('checkDeliberation: what each outcome awards', () => {
  it.each`
    case                                                | session              | request                                                                                          | awarded                     | title
    ${'TITLE_AWARDED, FULL_TITLE: every component'}     | ${sampleSession()}   | ${{ outcome: 'TITLE_AWARDED' }}                                                                  | ${['ccp1', 'ccp2', 'ccp3']} | ${true}
    ${'TITLE_AWARDED listing the title’s components'}   | ${sampleSession()}   | ${{ outcome: 'TITLE_AWARDED', awardedComponentIds: ['ccp2'] }}                                   | ${['ccp1', 'ccp2', 'ccp3']} | ${true}
    ${'TITLE_AWARDED, SPECIALIZATION: the CCS only'}    | ${ccsSession}        | ${{ outcome: 'TITLE_AWARDED' }}                                                                  | ${[]}                       | ${true}
    ${'COMPONENTS_AWARDED in a FULL_TITLE session'}     | ${sampleSession()}   | ${{ outcome: 'COMPONENTS_AWARDED', awardedComponentIds: ['ccp3', 'ccp1'] }}                      | ${['ccp1', 'ccp3']}         | ${false}
    ${'COMPONENTS_AWARDED, last CCP + final interview'} | ${componentsSession} | ${{ outcome: 'COMPONENTS_AWARDED', awardedComponentIds: ['ccp3'], finalInterviewPassed: true }}  | ${['ccp3']}                 | ${true}
    ${'COMPONENTS_AWARDED, interview not passed'}       | ${componentsSession} | ${{ outcome: 'COMPONENTS_AWARDED', awardedComponentIds: ['ccp3'], finalInterviewPassed: false }} | ${['ccp3']}                 | ${false}
    ${'NOT_AWARDED'}                                    | ${sampleSession()}   | ${{ outcome: 'NOT_AWARDED', awardedComponentIds: [] }}                                           | ${[]}                       | ${false}
    ${'ABSENT'}                                         | ${sampleSession()}   | ${{ outcome: 'ABSENT', finalInterviewPassed: false }}                                            | ${[]}                       | ${false}
  `('$case', ({ session, request, awarded, title }) => {
    const [first] = checkDeliberation(facts({ session, registrations: [registration(1)] }), [
      decision(1, request),
    ]);
    expect(first).toMatchObject({ awardedComponentIds: awarded, awardsTitle: title });
  });

  it('accepts a decision dated on the first day of the session, years ago (records taken over)', () => {
    const old = sampleSession({ startsOn: '2011-03-14', endsOn: '2011-03-18' });
    expect(() =>
      checkDeliberation(facts({ session: old }), [
        decision(1, { decidedOn: '2011-03-14' }),
        decision(2, { decidedOn: '2011-04-01' }),
      ]),
    ).not.toThrow();
  });
});

describe('R5: a decision counts when decidedOn is within the grace year', () => {
  // 004: « date d'échéance » 29-09-2025 → grace year to 2026-09-29 (the date issuing uses).
  const closed = sampleCertification({ code: 'RNCP36912', registeredUntil: '2025-09-29' });
  const graceSession = sampleSession({ startsOn: '2026-09-21', endsOn: '2026-09-25' });
  it.each`
    decidedOn       | allowed
    ${'2026-09-25'} | ${true}
    ${'2026-09-29'} | ${true}
    ${'2026-09-30'} | ${false}
  `('R5: decided on $decidedOn: allowed $allowed', ({ decidedOn, allowed }) => {
    const check = () =>
      checkDeliberation(
        facts({ session: graceSession, certification: closed, registrations: [registration(1)] }),
        [decision(1, { decidedOn })],
      );
    if (allowed) expect(check).not.toThrow();
    else
      expect(refusalOf(check)).toMatchObject({
        field: 'decisions[0].decidedOn',
        message: expect.stringMatching(/after 2026-09-29, the end of R5's year of grace/),
      });
  });
});

describe('checkDeliberation: refusals', () => {
  it.each`
    case                                                    | session              | request                                                                     | field                                    | message
    ${'COMPONENTS_AWARDED without components'}              | ${sampleSession()}   | ${{ outcome: 'COMPONENTS_AWARDED' }}                                        | ${'decisions[0].awardedComponentIds'}    | ${/needs the components awarded/}
    ${'a component outside the session’s scope'}            | ${componentsSession} | ${{ outcome: 'COMPONENTS_AWARDED', awardedComponentIds: ['ccp1'] }}         | ${'decisions[0].awardedComponentIds[0]'} | ${/"TP-CDA-CCP1" is not assessed by this session \(it assesses TP-CDA-CCP2, TP-CDA-CCP3\)/}
    ${'a component of another certification'}               | ${sampleSession()}   | ${{ outcome: 'COMPONENTS_AWARDED', awardedComponentIds: ['bc01'] }}         | ${'decisions[0].awardedComponentIds[0]'} | ${/"bc01" is not assessed/}
    ${'a component twice'}                                  | ${sampleSession()}   | ${{ outcome: 'COMPONENTS_AWARDED', awardedComponentIds: ['ccp1', 'ccp1'] }} | ${'decisions[0].awardedComponentIds[1]'} | ${/listed twice/}
    ${'components in a CCS session'}                        | ${ccsSession}        | ${{ outcome: 'COMPONENTS_AWARDED', awardedComponentIds: ['ccp1'] }}         | ${'decisions[0].awardedComponentIds[0]'} | ${/assesses no component/}
    ${'TITLE_AWARDED in a COMPONENTS session'}              | ${componentsSession} | ${{ outcome: 'TITLE_AWARDED' }}                                             | ${'decisions[0].outcome'}                | ${/finalInterviewPassed: true/}
    ${'TITLE_AWARDED listing another certification’s'}      | ${sampleSession()}   | ${{ outcome: 'TITLE_AWARDED', awardedComponentIds: ['bc01'] }}              | ${'decisions[0].awardedComponentIds[0]'} | ${/list none/}
    ${'TITLE_AWARDED with the final interview failed (R3)'} | ${sampleSession()}   | ${{ outcome: 'TITLE_AWARDED', finalInterviewPassed: false }}                | ${'decisions[0].finalInterviewPassed'}   | ${/only after the final interview \(R3\)/}
    ${'NOT_AWARDED listing components'}                     | ${sampleSession()}   | ${{ outcome: 'NOT_AWARDED', awardedComponentIds: ['ccp1'] }}                | ${'decisions[0].awardedComponentIds'}    | ${/NOT_AWARDED awards nothing/}
    ${'ABSENT listing components'}                          | ${sampleSession()}   | ${{ outcome: 'ABSENT', awardedComponentIds: ['ccp1'] }}                     | ${'decisions[0].awardedComponentIds'}    | ${/ABSENT awards nothing/}
    ${'ABSENT with a passed final interview'}               | ${sampleSession()}   | ${{ outcome: 'ABSENT', finalInterviewPassed: true }}                        | ${'decisions[0].finalInterviewPassed'}   | ${/cannot go with a passed final interview/}
    ${'a decision the day before the session starts'}       | ${sampleSession()}   | ${{ decidedOn: '2026-05-31' }}                                              | ${'decisions[0].decidedOn'}              | ${/before the session starts \(2026-06-01\)/}
    ${'an impossible decision date'}                        | ${sampleSession()}   | ${{ decidedOn: '2026-06-31' }}                                              | ${'decisions[0].decidedOn'}              | ${/not a date/}
    ${'a decision in the future (today 2026-11-22)'}        | ${sampleSession()}   | ${{ decidedOn: '2026-11-23' }}                                              | ${'decisions[0].decidedOn'}              | ${/in the future \(today is 2026-11-22\)/}
  `('refuses $case', ({ session, request, field, message }) => {
    const error = refusalOf(() =>
      checkDeliberation(facts({ session, registrations: [registration(1)] }), [
        decision(1, request),
      ]),
    );
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(error.message).toMatch(message);
  });

  it('lists every registration left undecided', () => {
    const error = refusalOf(() =>
      checkDeliberation(
        facts({ registrations: [registration(1), registration(2), registration(3)] }),
        [decision(2)],
      ),
    );
    expect(error).toMatchObject({ field: 'decisions' });
    expect(error.message).toMatch(/missing: registration-1, registration-3/);
  });

  it('refuses a registration of another session, and one decided twice', () => {
    const error = refusalOf(() =>
      checkDeliberation(facts(), [
        decision(1),
        decision(2),
        decision(9),
        decision(1, { outcome: 'ABSENT' }),
      ]),
    );
    expect(error.message).toMatch(
      /decisions\[2\]\.registrationId: "registration-9" is not a registration of session session-1/,
    );
    expect(error.message).toMatch(
      /decisions\[3\]\.registrationId: registration registration-1 is decided twice/,
    );
  });

  it('decides 200 registrations in one call', () => {
    const many = Array.from({ length: 200 }, (_, i) => registration(i));
    const decided = checkDeliberation(
      facts({ registrations: many }),
      many.map((_, i) => decision(i, { outcome: i % 2 ? 'TITLE_AWARDED' : 'ABSENT' })),
    );
    expect(decided).toHaveLength(200);
    expect(decided.filter((d) => d.awardsTitle)).toHaveLength(100);
  });
});
