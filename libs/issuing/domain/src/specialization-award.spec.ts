import type { LocalDate } from '@certif/platform-calendar';
import { specializationsAwarded } from './specialization-award';
import { certificationVersion, decision, lineageOf } from './testing';

const title = certificationVersion('TP-CDA', ['TP-CDA-CCP1'], {
  specializations: [{ id: 'id-CCS-IA', code: 'TP-CDA-CCS-IA', title: 'Intelligence artificielle' }],
});
const ccs = (on: LocalDate, overrides = {}) =>
  decision('TP-CDA', on, {
    scope: 'SPECIALIZATION',
    outcome: 'TITLE_AWARDED',
    specializationId: 'id-CCS-IA',
    ...overrides,
  });

describe('specializationsAwarded (R7)', () => {
  it.each`
    case                                                | decisions                                                                              | awarded
    ${'a CCS awarded'}                                  | ${[ccs('2025-01-10')]}                                                                 | ${['TP-CDA-CCS-IA@2025-01-10']}
    ${'awarded twice: one CCS, from the earliest'}      | ${[ccs('2025-06-10'), ccs('2025-01-10')]}                                              | ${['TP-CDA-CCS-IA@2025-01-10']}
    ${'not awarded by the jury'}                        | ${[ccs('2025-01-10', { outcome: 'COMPONENTS_AWARDED', finalInterviewPassed: false })]} | ${[]}
    ${'a specialization the referential does not list'} | ${[ccs('2025-01-10', { specializationId: 'id-other' })]}                               | ${[]}
    ${'a title decision is not a CCS'}                  | ${[decision('TP-CDA', '2025-01-10', { outcome: 'TITLE_AWARDED' })]}                    | ${[]}
  `('$case', ({ decisions, awarded }) => {
    const found = specializationsAwarded(lineageOf(title), decisions);
    expect(found.map((a) => `${a.specialization.code}@${a.decision.decidedOn}`)).toEqual(awarded);
  });
});
