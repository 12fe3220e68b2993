import type { LocalDate } from '@certif/platform-calendar';
import type { CertificationVersion } from './certification-lineage';
import type { ComponentAcquisition, DecisionCorrection, TitleDecision } from './facts';
import { computeLivret, type LivretView } from './livret';
import { acquired, certificationVersion, decision, lineageOf, SEED_VERSIONS } from './testing';

// Seed 001 (TP CDA): "en cas de révision du titre, le candidat ... se présente aux CCP
// manquants du nouveau titre" — R4. The revision below adds a CCP that nothing corresponds to.
const v1: CertificationVersion = { ...SEED_VERSIONS['001'], revisedById: 'id-TP-CDA-2027' };
const v2 = certificationVersion('TP-CDA-2027', ['CDA27-CCP1', 'CDA27-CCP2', 'CDA27-CCP3'], {
  revisesId: 'id-TP-CDA',
  version: 1,
  correspondences: [
    { fromComponentIds: ['id-TP-CDA-CCP1'], toComponentId: 'id-CDA27-CCP1' },
    { fromComponentIds: ['id-TP-CDA-CCP2', 'id-TP-CDA-CCP3'], toComponentId: 'id-CDA27-CCP2' },
  ],
});

function read(
  versions: CertificationVersion[],
  acquisitions: ComponentAcquisition[],
  decisions: TitleDecision[],
  corrections: DecisionCorrection[] = [],
): LivretView {
  return computeLivret({
    lineage: lineageOf(...versions),
    acquisitions,
    decisions,
    corrections,
    today: '2027-09-01',
    parcheminIssued: false,
  });
}

const ccps = (on: LocalDate) =>
  ['TP-CDA-CCP1', 'TP-CDA-CCP2', 'TP-CDA-CCP3'].map((c) => acquired(c, on));
const titleAwarded = (code: string, on: LocalDate) =>
  decision(code, on, { outcome: 'TITLE_AWARDED', scope: 'FULL_TITLE', finalInterviewPassed: true });

describe('R4 finality: an award is final for the version it was made under', () => {
  it.each`
    case                                                                          | acquisitions                                                                    | decisions                                                                    | earned   | version             | obtainedOn      | missing
    ${'TITLE_AWARDED on version 1'}                                               | ${[]}                                                                           | ${[titleAwarded('TP-CDA', '2027-03-10')]}                                    | ${true}  | ${'id-TP-CDA'}      | ${'2027-03-10'} | ${[]}
    ${'every CCP of version 1, then the final interview on version 1'}            | ${ccps('2027-01-15')}                                                           | ${[decision('TP-CDA', '2027-03-10')]}                                        | ${true}  | ${'id-TP-CDA'}      | ${'2027-03-10'} | ${[]}
    ${'every CCP of version 1, no final interview yet: in progress on version 2'} | ${ccps('2027-01-15')}                                                           | ${[]}                                                                        | ${false} | ${'id-TP-CDA-2027'} | ${null}         | ${['CDA27-CCP3']}
    ${'final interview made under version 2: must sit the new CCP (R4)'}          | ${ccps('2027-01-15')}                                                           | ${[decision('TP-CDA-2027', '2027-06-10')]}                                   | ${false} | ${'id-TP-CDA-2027'} | ${null}         | ${['CDA27-CCP3']}
    ${'version 2 completed: earned on version 2'}                                 | ${[...ccps('2027-01-15'), acquired('CDA27-CCP3', '2027-05-02', 'TP-CDA-2027')]} | ${[decision('TP-CDA-2027', '2027-06-10')]}                                   | ${true}  | ${'id-TP-CDA-2027'} | ${'2027-06-10'} | ${[]}
    ${'earned on both versions: the earliest completion counts'}                  | ${[...ccps('2027-01-15'), acquired('CDA27-CCP3', '2027-05-02', 'TP-CDA-2027')]} | ${[decision('TP-CDA', '2027-02-01'), decision('TP-CDA-2027', '2027-06-10')]} | ${true}  | ${'id-TP-CDA'}      | ${'2027-02-01'} | ${[]}
  `('$case', ({ acquisitions, decisions, earned, version, obtainedOn, missing }) => {
    const view = read([v1, v2], acquisitions, decisions);
    expect(view).toMatchObject({
      earned,
      parcheminDue: earned,
      certificationId: version,
      obtainedOn,
    });
    expect(view.missingComponents.map((c) => c.code)).toEqual(missing);
  });

  it.each`
    case                                        | acquisitions          | decisions
    ${'TITLE_AWARDED on version 1'}             | ${[]}                 | ${[titleAwarded('TP-CDA', '2027-03-10')]}
    ${'every CCP and the final interview on 1'} | ${ccps('2027-01-15')} | ${[decision('TP-CDA', '2027-03-10')]}
  `(
    '$case: the same reading whether the revision is known yet or not',
    ({ acquisitions, decisions }) => {
      const before = read([v1], acquisitions, decisions);
      const after = read([v1, v2], acquisitions, decisions);
      expect(after).toEqual(before);
      expect(after).toMatchObject({ earned: true, obtainedOn: '2027-03-10' });
    },
  );
});

/** A correction recorded in sessions: `decisionId` supersedes `supersededDecisionId` (R9). */
function correction(
  supersededDecisionId: string,
  decisionId: string,
  decidedOn: LocalDate,
  certificationId = 'id-TP-CDA',
): DecisionCorrection {
  return {
    decisionId,
    supersededDecisionId,
    certificationId,
    decidedOn,
    correctedOn: decidedOn,
    reason: 'erreur de saisie au procès-verbal',
  };
}

describe('R9 corrections: the superseded decision stops counting, the new one counts', () => {
  const d1 = { ...titleAwarded('TP-CDA', '2027-03-10'), decisionId: 'D1' };
  const d3 = { ...titleAwarded('TP-CDA', '2027-03-12'), decisionId: 'D3' };
  const interviewD1 = { ...decision('TP-CDA', '2027-03-10'), decisionId: 'D1' };
  const ccpsOf = (decisionId: string, on: LocalDate, codes = ['CCP1', 'CCP2', 'CCP3']) =>
    codes.map((c) => ({ ...acquired(`TP-CDA-${c}`, on), decisionId }));

  it.each`
    case                                                                | acquisitions                                                                        | decisions                                                      | corrections                                                                     | earned   | obtainedOn      | missing
    ${'TITLE_AWARDED corrected to NOT_AWARDED: not earned'}             | ${ccpsOf('D1', '2027-03-10')}                                                       | ${[d1]}                                                        | ${[correction('D1', 'D2', '2027-03-10')]}                                       | ${false} | ${null}         | ${['TP-CDA-CCP1', 'TP-CDA-CCP2', 'TP-CDA-CCP3']}
    ${'NOT_AWARDED corrected to TITLE_AWARDED: earned on the new date'} | ${ccpsOf('D2', '2027-03-12')}                                                       | ${[{ ...d3, decisionId: 'D2' }]}                               | ${[correction('D1', 'D2', '2027-03-12')]}                                       | ${true}  | ${'2027-03-12'} | ${[]}
    ${'a chain: awarded, withdrawn, awarded again'}                     | ${[...ccpsOf('D1', '2027-03-10'), ...ccpsOf('D3', '2027-03-12')]}                   | ${[d1, d3]}                                                    | ${[correction('D1', 'D2', '2027-03-11'), correction('D2', 'D3', '2027-03-12')]} | ${true}  | ${'2027-03-12'} | ${[]}
    ${'a CCP withdrawn: the new decision awards fewer components'}      | ${[...ccpsOf('D1', '2027-01-15'), ...ccpsOf('D2', '2027-01-15', ['CCP1', 'CCP2'])]} | ${[{ ...decision('TP-CDA', '2027-03-10'), decisionId: 'D9' }]} | ${[correction('D1', 'D2', '2027-01-15')]}                                       | ${false} | ${null}         | ${['TP-CDA-CCP3']}
    ${'the final interview corrected to not passed'}                    | ${ccpsOf('C', '2027-01-15')}                                                        | ${[interviewD1]}                                               | ${[correction('D1', 'D2', '2027-03-10')]}                                       | ${false} | ${null}         | ${[]}
    ${'a correction of another decision leaves this one counting'}      | ${ccpsOf('C', '2027-01-15')}                                                        | ${[interviewD1]}                                               | ${[correction('D0', 'D2', '2027-03-10')]}                                       | ${true}  | ${'2027-03-10'} | ${[]}
  `('$case', ({ acquisitions, decisions, corrections, earned, obtainedOn, missing }) => {
    const view = read([v1], acquisitions, decisions, corrections);
    expect(view).toMatchObject({ earned, obtainedOn });
    expect(view.missingComponents.map((c) => c.code)).toEqual(missing);
  });

  it('R5: a correcting decision counts only when its decidedOn is within the deadline', () => {
    // 001 closed on 2026-06-30: the grace year ends 2027-06-30 (R5), the date sessions checks too.
    const closed: CertificationVersion = { ...SEED_VERSIONS['001'], registeredUntil: '2026-06-30' };
    const facts = (on: LocalDate) => ({
      acquisitions: [
        ...ccpsOf('D0', '2026-01-15', ['CCP1', 'CCP2']),
        ...ccpsOf('D2', on, ['CCP3']),
      ],
      decisions: [{ ...decision('TP-CDA', on), decisionId: 'D2' }],
      corrections: [correction('D1', 'D2', on)],
    });
    const earned = (on: LocalDate) =>
      computeLivret({
        lineage: lineageOf(closed),
        ...facts(on),
        today: '2027-09-01',
        parcheminIssued: false,
      }).earned;
    expect(earned('2027-06-30')).toBe(true);
    expect(earned('2027-07-01')).toBe(false);
  });
});
