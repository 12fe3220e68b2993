import { planSession, type SessionRequest } from './plan-session';
import { refusalOf, sampleCertification } from './testing';

const request = (overrides: Partial<SessionRequest> = {}): SessionRequest => ({
  certificationId: 'cda',
  scope: 'FULL_TITLE',
  componentIds: null,
  specializationId: null,
  center: '  AFPA Montpellier ',
  startsOn: '2026-06-01',
  endsOn: '2026-06-05',
  capacity: 12,
  ...overrides,
});

describe('planSession', () => {
  const certification = sampleCertification();

  it.each`
    scope               | componentIds        | specializationId | components
    ${'FULL_TITLE'}     | ${null}             | ${null}          | ${['ccp1', 'ccp2', 'ccp3']}
    ${'FULL_TITLE'}     | ${[]}               | ${null}          | ${['ccp1', 'ccp2', 'ccp3']}
    ${'COMPONENTS'}     | ${['ccp3', 'ccp1']} | ${null}          | ${['ccp1', 'ccp3']}
    ${'SPECIALIZATION'} | ${null}             | ${'ccs1'}        | ${[]}
  `(
    'a $scope session assesses $components',
    ({ scope, componentIds, specializationId, components }) => {
      const plan = planSession(request({ scope, componentIds, specializationId }), certification);
      expect(plan.componentIds).toEqual(components);
      expect(plan.specializationId).toBe(specializationId);
      expect(plan.center).toBe('AFPA Montpellier');
    },
  );

  it.each`
    case                                            | change                                                     | field                       | message
    ${'COMPONENTS without components'}              | ${{ scope: 'COMPONENTS' }}                                 | ${'input.componentIds'}     | ${/needs the components it assesses; TP-CDA has TP-CDA-CCP1 \(ccp1\)/}
    ${'COMPONENTS with an empty list'}              | ${{ scope: 'COMPONENTS', componentIds: [] }}               | ${'input.componentIds'}     | ${/needs the components/}
    ${'a component of another certification'}       | ${{ scope: 'COMPONENTS', componentIds: ['ccp1', 'bc01'] }} | ${'input.componentIds[1]'}  | ${/"bc01" is not a component of TP-CDA/}
    ${'a component twice'}                          | ${{ scope: 'COMPONENTS', componentIds: ['ccp1', 'ccp1'] }} | ${'input.componentIds[1]'}  | ${/listed twice/}
    ${'FULL_TITLE listing components'}              | ${{ componentIds: ['ccp1'] }}                              | ${'input.componentIds'}     | ${/leave componentIds empty/}
    ${'SPECIALIZATION without its CCS'}             | ${{ scope: 'SPECIALIZATION' }}                             | ${'input.specializationId'} | ${/needs the CCS it assesses; TP-CDA offers TP-CDA-CCS1/}
    ${'SPECIALIZATION with a CCS of another title'} | ${{ scope: 'SPECIALIZATION', specializationId: 'other' }}  | ${'input.specializationId'} | ${/"other" is not a CCS of TP-CDA/}
    ${'a CCS on a FULL_TITLE session'}              | ${{ specializationId: 'ccs1' }}                            | ${'input.specializationId'} | ${/only a SPECIALIZATION session/}
    ${'an end before the start'}                    | ${{ startsOn: '2026-06-05', endsOn: '2026-06-04' }}        | ${'input.endsOn'}           | ${/ends \(2026-06-04\) before it starts \(2026-06-05\)/}
    ${'an impossible date'}                         | ${{ startsOn: '2026-02-30' }}                              | ${'input.startsOn'}         | ${/not a date/}
    ${'no seat'}                                    | ${{ capacity: 0 }}                                         | ${'input.capacity'}         | ${/at least 1 seat/}
    ${'a blank centre'}                             | ${{ center: '   ' }}                                       | ${'input.center'}           | ${/exam centre/}
  `('refuses $case', ({ change, field, message }) => {
    const error = refusalOf(() => planSession(request(change), certification));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(error.message).toMatch(message);
  });

  it('accepts a one-day session, one seat, and dates in the past (records taken over)', () => {
    expect(() =>
      planSession(
        request({ startsOn: '2009-03-02', endsOn: '2009-03-02', capacity: 1 }),
        certification,
      ),
    ).not.toThrow();
  });

  it('refuses a DRAFT certification', () => {
    expect(
      refusalOf(() => planSession(request(), sampleCertification({ status: 'DRAFT' }))).message,
    ).toMatch(/DRAFT/);
  });

  // R12 (004: « date d'échéance » 29-09-2025, registered from 29-09-2022) and R5 (001/002: « le
  // candidat ayant antérieurement obtenu des CCP dispose d'un an à compter de la date de la fin de
  // validité du titre »): one date, registeredUntil + 1 year, the same issuing counts decisions by.
  describe('R5: a session of a closed certification ends by the end of the grace year', () => {
    const closed = sampleCertification({
      code: 'RNCP36912',
      registeredFrom: '2022-09-29',
      registeredUntil: '2025-09-29',
      status: 'CLOSED',
    });

    it.each`
      startsOn        | endsOn          | allowed
      ${'2025-09-29'} | ${'2025-10-03'} | ${true}
      ${'2026-09-25'} | ${'2026-09-29'} | ${true}
      ${'2026-09-29'} | ${'2026-09-29'} | ${true}
      ${'2026-09-25'} | ${'2026-09-30'} | ${false}
      ${'2026-09-30'} | ${'2026-09-30'} | ${false}
    `(
      'R5: a session from $startsOn to $endsOn: allowed $allowed',
      ({ startsOn, endsOn, allowed }) => {
        const plan = () => planSession(request({ startsOn, endsOn }), closed);
        if (allowed) expect(plan).not.toThrow();
        else
          expect(refusalOf(plan)).toMatchObject({
            rule: 'R5',
            field: 'input.endsOn',
            message: expect.stringMatching(/must end by 2026-09-29/),
          });
      },
    );

    it('R5: ends the grace year on 28 February when registration ended on 29 February', () => {
      const leap = sampleCertification({ registeredUntil: '2024-02-29' });
      expect(() =>
        planSession(request({ startsOn: '2025-02-27', endsOn: '2025-02-28' }), leap),
      ).not.toThrow();
      expect(
        refusalOf(() =>
          planSession(request({ startsOn: '2025-02-28', endsOn: '2025-03-01' }), leap),
        ).rule,
      ).toBe('R5');
    });

    it.each`
      startsOn        | allowed
      ${'2022-09-28'} | ${false}
      ${'2022-09-29'} | ${true}
    `(
      'R12: a session starting $startsOn, 004 registered from 2022-09-29: allowed $allowed',
      ({ startsOn, allowed }) => {
        const plan = () => planSession(request({ startsOn, endsOn: '2022-10-07' }), closed);
        if (allowed) expect(plan).not.toThrow();
        else
          expect(refusalOf(plan)).toMatchObject({
            rule: 'R12',
            field: 'input.startsOn',
            message: expect.stringMatching(/registered from 2022-09-29/),
          });
      },
    );
  });
});
