// R9: « un procès-verbal … une décision n'est jamais supprimée : une correction la remplace et
// garde la trace » (DOMAIN.md R9), and the corrections window after which a session is CLOSED.
import {
  checkCorrection,
  CORRECTION_WINDOW_DAYS,
  currentDecision,
  decisionHistory,
  sessionStatusOn,
  type CorrectionFacts,
  type CorrectionRequest,
} from './correction';
import {
  juror,
  refusalOf,
  registration,
  sampleCertification,
  sampleDecision,
  sampleSession,
} from './testing';

const deliberated = sampleSession({
  status: 'DELIBERATED',
  deliberatedAt: new Date('2026-06-05T15:00:00Z'),
});

function facts(overrides: Partial<CorrectionFacts> = {}): CorrectionFacts {
  return {
    session: deliberated,
    certification: sampleCertification(),
    jurors: [juror('pro-1', 'PROFESSIONAL'), juror('pro-2', 'PROFESSIONAL')],
    registration: registration(1),
    history: [sampleDecision()],
    today: '2026-06-20',
    ...overrides,
  };
}

const request = (overrides: Partial<CorrectionRequest> = {}): CorrectionRequest => ({
  outcome: 'COMPONENTS_AWARDED',
  awardedComponentIds: ['ccp1', 'ccp2'],
  finalInterviewPassed: false,
  decidedOn: '2026-06-05',
  reason: 'CCP3 was awarded by mistake: the candidate failed its mise en situation',
  ...overrides,
});

describe('R9: a correction supersedes the decision and keeps the trail', () => {
  it('supersedes the decision standing, with the reason, trimmed', () => {
    const checked = checkCorrection(facts(), request({ reason: '  erreur de saisie  ' }));
    expect(checked).toMatchObject({
      superseded: { id: 'decision-1' },
      outcome: 'COMPONENTS_AWARDED',
      awardedComponentIds: ['ccp1', 'ccp2'],
      reason: 'erreur de saisie',
    });
  });

  it('R9: a correction may itself be corrected: the latest decision standing is superseded', () => {
    const first = sampleDecision({ supersededById: 'decision-2' });
    const second = sampleDecision({
      id: 'decision-2',
      sequence: 2,
      supersedesId: 'decision-1',
      outcome: 'COMPONENTS_AWARDED',
      awardedComponentIds: ['ccp1', 'ccp2'],
      finalInterviewPassed: false,
      correctionReason: 'CCP3 failed',
      correctedOn: '2026-06-10',
    });
    expect(currentDecision([second, first])?.id).toBe('decision-2');
    expect(decisionHistory([second, first]).map((d) => d.id)).toEqual(['decision-1', 'decision-2']);
    expect(
      checkCorrection(
        facts({ history: [second, first] }),
        request({ outcome: 'NOT_AWARDED', awardedComponentIds: [] }),
      ).superseded.id,
    ).toBe('decision-2');
  });

  it.each`
    case                                         | change                                                                                 | field                             | message
    ${'no reason'}                               | ${{ reason: '   ' }}                                                                   | ${'input.reason'}                 | ${/must say why/}
    ${'a reason of 1001 characters'}             | ${{ reason: 'x'.repeat(1001) }}                                                        | ${'input.reason'}                 | ${/at most 1000/}
    ${'a decision dated in the future'}          | ${{ decidedOn: '2026-06-21' }}                                                         | ${'input.decidedOn'}              | ${/in the future/}
    ${'a decision dated before the session'}     | ${{ decidedOn: '2026-05-31' }}                                                         | ${'input.decidedOn'}              | ${/before the session starts/}
    ${'a component the session does not assess'} | ${{ awardedComponentIds: ['bc01'] }}                                                   | ${'input.awardedComponentIds[0]'} | ${/not assessed/}
    ${'the very same decision'}                  | ${{ outcome: 'TITLE_AWARDED', awardedComponentIds: null, finalInterviewPassed: true }} | ${'input'}                        | ${/nothing to correct/}
  `('refuses $case', ({ change, field, message }) => {
    const error = refusalOf(() => checkCorrection(facts(), request(change)));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(error.message).toMatch(message);
  });

  it('refuses a correction on a session that has not deliberated', () => {
    expect(
      refusalOf(() => checkCorrection(facts({ session: sampleSession() }), request())),
    ).toMatchObject({
      rule: 'session-status',
      message: expect.stringMatching(/record its deliberation/),
    });
  });

  it('R9: checks the jury rule before a correction', () => {
    const error = refusalOf(() =>
      checkCorrection(facts({ jurors: [juror('pro-1', 'PROFESSIONAL')] }), request()),
    );
    expect(error).toMatchObject({ rule: 'R9', field: 'sessionId' });
    expect(error.message).toMatch(/before correcting a decision/);
  });
});

describe(`the corrections window: ${CORRECTION_WINDOW_DAYS} days after the deliberation, then CLOSED`, () => {
  it.each`
    today           | status
    ${'2026-06-05'} | ${'DELIBERATED'}
    ${'2026-08-05'} | ${'DELIBERATED'}
    ${'2026-08-06'} | ${'CLOSED'}
  `('deliberated on 2026-06-05, on $today the session is $status', ({ today, status }) => {
    expect(sessionStatusOn(deliberated, today)).toBe(status);
  });

  it('a PLANNED session stays PLANNED', () => {
    expect(sessionStatusOn(sampleSession(), '2030-01-01')).toBe('PLANNED');
  });

  it('refuses a correction once the session is CLOSED', () => {
    const error = refusalOf(() => checkCorrection(facts({ today: '2026-08-06' }), request()));
    expect(error).toMatchObject({ rule: 'session-status' });
    expect(error.message).toMatch(/is CLOSED: its decisions could be corrected until 2026-08-05/);
  });
});
