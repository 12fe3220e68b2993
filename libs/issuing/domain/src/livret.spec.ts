import { parseLocalDate, type LocalDate } from '@certif/platform-calendar';
import type { CertificationVersion } from './certification-lineage';
import type { ComponentAcquisition, TitleDecision } from './facts';
import { computeLivret, type LivretView } from './livret';
import { acquired, certificationVersion, decision, lineageOf, SEED_VERSIONS } from './testing';

function livret(
  version: CertificationVersion | CertificationVersion[],
  acquisitions: ComponentAcquisition[],
  decisions: TitleDecision[],
  today: LocalDate,
  parcheminIssued = false,
): LivretView {
  const versions = Array.isArray(version) ? version : [version];
  return computeLivret({
    lineage: lineageOf(...versions),
    acquisitions,
    decisions,
    today,
    parcheminIssued,
    corrections: [],
  });
}

const codes = (view: LivretView, version: CertificationVersion) =>
  view.acquiredComponents.map(
    (held) => version.components.find((c) => c.id === held.componentId)?.code,
  );

describe('computeLivret: the seed certifications', () => {
  const dl = SEED_VERSIONS['000'];
  const interview = (on: LocalDate) => decision('TP-DL', on);

  it.each`
    case                                                      | acquisitions                                                                    | decisions                                                                               | today           | held                            | deadline        | status           | due
    ${'000 one CCP, on its deadline day'}                     | ${[acquired('TP-DL-CCP1', '2019-03-15')]}                                       | ${[]}                                                                                   | ${'2024-03-15'} | ${['TP-DL-CCP1']}               | ${'2024-03-15'} | ${'IN_PROGRESS'} | ${false}
    ${'000 one CCP, the day after its deadline'}              | ${[acquired('TP-DL-CCP1', '2019-03-15')]}                                       | ${[]}                                                                                   | ${'2024-03-16'} | ${['TP-DL-CCP1']}               | ${'2024-03-15'} | ${'LAPSED'}      | ${false}
    ${'000 last CCP on the deadline, interview the same day'} | ${[acquired('TP-DL-CCP1', '2019-03-15'), acquired('TP-DL-CCP2', '2024-03-15')]} | ${[interview('2024-03-15')]}                                                            | ${'2024-04-01'} | ${['TP-DL-CCP1', 'TP-DL-CCP2']} | ${'2024-03-15'} | ${'IN_PROGRESS'} | ${true}
    ${'000 last CCP the day after: the first has lapsed'}     | ${[acquired('TP-DL-CCP1', '2019-03-15'), acquired('TP-DL-CCP2', '2024-03-16')]} | ${[interview('2024-03-16')]}                                                            | ${'2024-04-01'} | ${['TP-DL-CCP2']}               | ${'2029-03-16'} | ${'IN_PROGRESS'} | ${false}
    ${'000 all CCPs in time, interview after the deadline'}   | ${[acquired('TP-DL-CCP1', '2019-03-15'), acquired('TP-DL-CCP2', '2024-03-10')]} | ${[interview('2024-03-16')]}                                                            | ${'2024-03-20'} | ${['TP-DL-CCP1', 'TP-DL-CCP2']} | ${'2024-03-15'} | ${'LAPSED'}      | ${false}
    ${'000 all CCPs, no interview yet'}                       | ${[acquired('TP-DL-CCP1', '2019-03-15'), acquired('TP-DL-CCP2', '2020-01-10')]} | ${[]}                                                                                   | ${'2020-02-01'} | ${['TP-DL-CCP1', 'TP-DL-CCP2']} | ${'2024-03-15'} | ${'IN_PROGRESS'} | ${false}
    ${'000 lapsed long ago, then the full title awarded'}     | ${[acquired('TP-DL-CCP1', '2010-01-01')]}                                       | ${[decision('TP-DL', '2020-06-01', { outcome: 'TITLE_AWARDED', scope: 'FULL_TITLE' })]} | ${'2020-06-02'} | ${['TP-DL-CCP1', 'TP-DL-CCP2']} | ${'2025-06-01'} | ${'IN_PROGRESS'} | ${true}
  `('$case', ({ acquisitions, decisions, today, held, deadline, status, due }) => {
    const view = livret(dl, acquisitions, decisions, today);
    expect(codes(view, dl)).toEqual(held);
    expect(view).toMatchObject({ capitalizationDeadline: deadline, status, parcheminDue: due });
  });

  const cda = SEED_VERSIONS['001'];
  const closedCda: CertificationVersion = { ...cda, registeredUntil: '2025-06-30' };
  const cdaCcps = (last: LocalDate) => [
    acquired('TP-CDA-CCP1', '2015-03-01'),
    acquired('TP-CDA-CCP2', '2020-11-20'),
    acquired('TP-CDA-CCP3', last),
  ];

  it.each`
    case                                                      | version      | acquisitions                               | decisions                             | today           | held | deadline        | status           | due
    ${'001 open: CCPs eleven years apart still count'}        | ${cda}       | ${cdaCcps('2026-01-10')}                   | ${[decision('TP-CDA', '2026-01-10')]} | ${'2026-02-01'} | ${3} | ${null}         | ${'IN_PROGRESS'} | ${true}
    ${'001 closed 2025-06-30: last CCP on end + 1 year'}      | ${closedCda} | ${cdaCcps('2026-06-30')}                   | ${[decision('TP-CDA', '2026-06-30')]} | ${'2026-06-30'} | ${3} | ${'2026-06-30'} | ${'IN_PROGRESS'} | ${true}
    ${'001 closed: last CCP the day after end + 1 year'}      | ${closedCda} | ${cdaCcps('2026-07-01')}                   | ${[decision('TP-CDA', '2026-07-01')]} | ${'2026-07-02'} | ${2} | ${'2026-06-30'} | ${'LAPSED'}      | ${false}
    ${'001 closed: one CCP, on the last day of grace'}        | ${closedCda} | ${[acquired('TP-CDA-CCP1', '2024-01-10')]} | ${[]}                                 | ${'2026-06-30'} | ${1} | ${'2026-06-30'} | ${'IN_PROGRESS'} | ${false}
    ${'001 closed: one CCP, the day after the grace year'}    | ${closedCda} | ${[acquired('TP-CDA-CCP1', '2024-01-10')]} | ${[]}                                 | ${'2026-07-01'} | ${1} | ${'2026-06-30'} | ${'LAPSED'}      | ${false}
    ${'001 closure decided but not reached: no deadline yet'} | ${closedCda} | ${[acquired('TP-CDA-CCP1', '2024-01-10')]} | ${[]}                                 | ${'2025-06-30'} | ${1} | ${null}         | ${'IN_PROGRESS'} | ${false}
  `('$case', ({ version, acquisitions, decisions, today, held, deadline, status, due }) => {
    const view = livret(version, acquisitions, decisions, today);
    expect(view.acquiredComponents).toHaveLength(held);
    expect(view).toMatchObject({ capitalizationDeadline: deadline, status, parcheminDue: due });
  });

  it('001: the livret lapses by the passing of time alone, and says when', () => {
    const view = livret(closedCda, [acquired('TP-CDA-CCP1', '2024-01-10')], [], '2025-01-01');
    expect(view).toMatchObject({
      capitalizationDeadline: null,
      lapsesAfter: '2026-06-30',
      status: 'IN_PROGRESS',
    });
  });

  const dwwm = SEED_VERSIONS['002'];
  it.each`
    case                                                        | acquisitions                                                                        | decisions                                                                                                              | due
    ${'002 full title awarded before any ccp-acquired arrived'} | ${[]}                                                                               | ${[decision('TP-DWWM', '2024-05-10', { outcome: 'TITLE_AWARDED', scope: 'FULL_TITLE', finalInterviewPassed: false })]} | ${true}
    ${'002 interview on the day of the last CCP'}               | ${[acquired('TP-DWWM-CCP1', '2023-01-10'), acquired('TP-DWWM-CCP2', '2024-05-10')]} | ${[decision('TP-DWWM', '2024-05-10')]}                                                                                 | ${true}
    ${'002 interview before the last CCP'}                      | ${[acquired('TP-DWWM-CCP1', '2023-01-10'), acquired('TP-DWWM-CCP2', '2024-05-10')]} | ${[decision('TP-DWWM', '2024-05-09')]}                                                                                 | ${false}
    ${'002 a decision without the interview passed'}            | ${[acquired('TP-DWWM-CCP1', '2023-01-10'), acquired('TP-DWWM-CCP2', '2024-05-10')]} | ${[decision('TP-DWWM', '2024-06-01', { finalInterviewPassed: false })]}                                                | ${false}
    ${'002 a CCS decision is not the title’s final step'}       | ${[acquired('TP-DWWM-CCP1', '2023-01-10'), acquired('TP-DWWM-CCP2', '2024-05-10')]} | ${[decision('TP-DWWM', '2024-06-01', { outcome: 'TITLE_AWARDED', scope: 'SPECIALIZATION' })]}                          | ${false}
    ${'002 a decision of another certification does not count'} | ${[acquired('TP-DWWM-CCP1', '2023-01-10'), acquired('TP-DWWM-CCP2', '2024-05-10')]} | ${[decision('TP-CDA', '2024-06-01')]}                                                                                  | ${false}
  `('$case → due $due', ({ acquisitions, decisions, due }) => {
    expect(livret(dwwm, acquisitions, decisions, '2024-07-01').parcheminDue).toBe(due);
  });

  const cnam = SEED_VERSIONS['003'];
  // One bloc a year, 2016 to 2020 (the fixture once wrote `201${6 + i}`: '20110-06-01' for the
  // fifth, a date only string comparison accepted; the brand refused it).
  const allBlocs = ['BC01', 'BC02', 'BC03', 'BC04', 'BC05'].map((bc, i) =>
    acquired(`RNCP28754${bc}`, parseLocalDate(`${2016 + i}-06-01`)),
  );
  it.each`
    case                                                            | decisions                                | today           | due      | status
    ${'003 five blocs, registration ended 2021, no evaluation yet'} | ${[]}                                    | ${'2030-01-01'} | ${false} | ${'IN_PROGRESS'}
    ${'003 five blocs then the individual evaluation, years later'} | ${[decision('RNCP28754', '2025-03-03')]} | ${'2030-01-01'} | ${true}  | ${'IN_PROGRESS'}
  `('$case', ({ decisions, today, due, status }) => {
    const view = livret(cnam, allBlocs, decisions, today);
    expect(view).toMatchObject({
      capitalizationDeadline: null,
      lapsesAfter: null,
      parcheminDue: due,
      status,
    });
  });

  const oc = SEED_VERSIONS['004'];
  it.each`
    case                                                    | acquisitions                                                                                                                   | due      | missing
    ${'004 three blocs, the last after registration ended'} | ${[acquired('RNCP36912BC01', '2023-01-10'), acquired('RNCP36912BC02', '2024-02-10'), acquired('RNCP36912BC03', '2026-01-10')]} | ${true}  | ${[]}
    ${'004 two blocs: never lapses, still missing one'}     | ${[acquired('RNCP36912BC01', '2023-01-10'), acquired('RNCP36912BC03', '2024-02-10')]}                                          | ${false} | ${['RNCP36912BC02']}
  `('$case', ({ acquisitions, due, missing }) => {
    const view = livret(oc, acquisitions, [], '2035-01-01');
    expect(view.parcheminDue).toBe(due);
    expect(view.status).toBe('IN_PROGRESS');
    expect(view.missingComponents.map((c) => c.code)).toEqual(missing);
  });
});

describe('computeLivret: issuance and status', () => {
  const oc = SEED_VERSIONS['004'];
  const blocs = ['BC01', 'BC02', 'BC03'].map((bc) => acquired(`RNCP36912${bc}`, '2024-01-10'));

  it('COMPLETE once the parchemin is issued, and no second one is due', () => {
    expect(livret(oc, blocs, [], '2024-02-01', true)).toMatchObject({
      status: 'COMPLETE',
      parcheminDue: false,
    });
  });

  const dwwm = SEED_VERSIONS['002'];
  const cnam = SEED_VERSIONS['003'];
  it.each`
    case                                                       | version | acquisitions                                                                                                                   | decisions                                                                                         | obtainedOn
    ${'004 all blocs suffice: the last bloc completes it'}     | ${oc}   | ${[acquired('RNCP36912BC01', '2023-01-10'), acquired('RNCP36912BC02', '2024-02-10'), acquired('RNCP36912BC03', '2024-01-05')]} | ${[]}                                                                                             | ${'2024-02-10'}
    ${'002 R3: the final interview completes it'}              | ${dwwm} | ${[acquired('TP-DWWM-CCP1', '2023-01-10'), acquired('TP-DWWM-CCP2', '2024-05-10')]}                                            | ${[decision('TP-DWWM', '2024-06-20')]}                                                            | ${'2024-06-20'}
    ${'002 R3: two interviews passed, the first completes it'} | ${dwwm} | ${[acquired('TP-DWWM-CCP1', '2023-01-10'), acquired('TP-DWWM-CCP2', '2024-05-10')]}                                            | ${[decision('TP-DWWM', '2024-09-01'), decision('TP-DWWM', '2024-06-20')]}                         | ${'2024-06-20'}
    ${'002 the full title awarded: its decision'}              | ${dwwm} | ${[]}                                                                                                                          | ${[decision('TP-DWWM', '2024-05-10', { outcome: 'TITLE_AWARDED', finalInterviewPassed: false })]} | ${'2024-05-10'}
    ${'003 the individual evaluation after the five blocs'}    | ${cnam} | ${['BC01', 'BC02', 'BC03', 'BC04', 'BC05'].map((bc) => acquired(`RNCP28754${bc}`, '2019-06-01'))}                              | ${[decision('RNCP28754', '2025-03-03')]}                                                          | ${'2025-03-03'}
    ${'002 not complete: not obtained'}                        | ${dwwm} | ${[acquired('TP-DWWM-CCP1', '2023-01-10')]}                                                                                    | ${[]}                                                                                             | ${null}
  `('obtainedOn: $case → $obtainedOn', ({ version, acquisitions, decisions, obtainedOn }) => {
    expect(livret(version, acquisitions, decisions, '2026-01-01').obtainedOn).toBe(obtainedOn);
  });

  it('counts a component acquired twice from its first acquisition', () => {
    const view = livret(oc, [...blocs, acquired('RNCP36912BC01', '2022-05-05')], [], '2024-02-01');
    expect(view.acquiredComponents[0]).toMatchObject({
      acquiredOn: '2022-05-05',
      viaCorrespondence: false,
    });
  });

  it('ignores acquisitions of components that are not in the referential', () => {
    const stray = { ...acquired('RNCP36912BC01', '2024-01-10'), componentId: 'id-unknown' };
    expect(livret(oc, [stray], [], '2024-02-01').acquiredComponents).toEqual([]);
  });
});

describe('computeLivret: revision (R4)', () => {
  const old = certificationVersion('TP-CDA', ['TP-CDA-CCP1', 'TP-CDA-CCP2', 'TP-CDA-CCP3'], {
    revisedById: 'id-TP-CDA-2023',
  });
  const revised = certificationVersion('TP-CDA-2023', ['CDA23-CCP1', 'CDA23-CCP2'], {
    revisesId: 'id-TP-CDA',
    correspondences: [
      { fromComponentIds: ['id-TP-CDA-CCP1'], toComponentId: 'id-CDA23-CCP1' },
      { fromComponentIds: ['id-TP-CDA-CCP2', 'id-TP-CDA-CCP3'], toComponentId: 'id-CDA23-CCP2' },
    ],
  });
  const held = (view: LivretView) =>
    view.acquiredComponents.map(
      (h) => `${h.componentId.slice(3)}@${h.acquiredOn}${h.viaCorrespondence ? ' via' : ''}`,
    );

  it.each`
    case                                                        | acquisitions                                                                                    | acquired                                                  | missing
    ${'one of the two old CCPs a new one needs: still missing'} | ${[acquired('TP-CDA-CCP1', '2022-01-10'), acquired('TP-CDA-CCP2', '2022-06-10')]}               | ${['CDA23-CCP1@2022-01-10 via']}                          | ${['CDA23-CCP2']}
    ${'both old CCPs: held since the later one'}                | ${[acquired('TP-CDA-CCP2', '2022-06-10'), acquired('TP-CDA-CCP3', '2021-02-02')]}               | ${['CDA23-CCP2@2022-06-10 via']}                          | ${['CDA23-CCP1']}
    ${'an old CCP and a new CCP sat on the revised version'}    | ${[acquired('TP-CDA-CCP1', '2022-01-10'), acquired('CDA23-CCP2', '2024-03-03', 'TP-CDA-2023')]} | ${['CDA23-CCP1@2022-01-10 via', 'CDA23-CCP2@2024-03-03']} | ${[]}
    ${'nothing acquired'}                                       | ${[]}                                                                                           | ${[]}                                                     | ${['CDA23-CCP1', 'CDA23-CCP2']}
  `('$case', ({ acquisitions, acquired: expected, missing }) => {
    const view = livret([old, revised], acquisitions, [], '2024-06-01');
    expect(view.certificationId).toBe('id-TP-CDA-2023');
    expect(held(view)).toEqual(expected);
    expect(view.missingComponents.map((c) => c.code)).toEqual(missing);
  });

  it('a final interview on the new version after the last component completes it', () => {
    const acquisitions = ['TP-CDA-CCP1', 'TP-CDA-CCP2', 'TP-CDA-CCP3'].map((c) =>
      acquired(c, '2022-01-10'),
    );
    expect(
      livret([old, revised], acquisitions, [decision('TP-CDA-2023', '2024-02-02')], '2024-06-01')
        .parcheminDue,
    ).toBe(true);
    expect(
      livret([old, revised], acquisitions, [decision('TP-CDA', '2021-12-01')], '2024-06-01')
        .parcheminDue,
    ).toBe(false);
  });

  it('the full old title awarded is final: the livret stays on the version it was earned under', () => {
    const awarded = decision('TP-CDA', '2022-01-10', {
      outcome: 'TITLE_AWARDED',
      scope: 'FULL_TITLE',
    });
    const view = livret([old, revised], [], [awarded], '2024-06-01');
    expect(view.certificationId).toBe('id-TP-CDA');
    expect(held(view)).toEqual([
      'TP-CDA-CCP1@2022-01-10',
      'TP-CDA-CCP2@2022-01-10',
      'TP-CDA-CCP3@2022-01-10',
    ]);
    expect(view).toMatchObject({ parcheminDue: true, obtainedOn: '2022-01-10' });
  });
});
