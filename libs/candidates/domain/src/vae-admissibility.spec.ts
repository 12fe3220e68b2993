import { planVaeAdmissibility, type VaeAdmissibilityDraft } from './vae-admissibility';
import { refusalOf, sampleEnrollment, sampleKnownCertification } from './testing';

const today = '2026-11-22';
const recordedAt = new Date('2026-11-22T10:00:00Z');
const vae = sampleEnrollment({ pathway: 'VAE', startedOn: '2026-09-01' });
const tpDl = sampleKnownCertification({ code: 'TP-DL', vaeMinimumExperienceYears: 3 });
const rncp = sampleKnownCertification({ code: 'RNCP28754', vaeMinimumExperienceYears: null });

function notice(overrides: Partial<VaeAdmissibilityDraft> = {}): VaeAdmissibilityDraft {
  return {
    noticeNumber: 'DREETS-ARA-2026-0042',
    issuedOn: '2026-06-15',
    issuedBy: 'DREETS Auvergne-Rhône-Alpes',
    experienceYears: 4,
    ...overrides,
  };
}

describe('planVaeAdmissibility (R6)', () => {
  it('records the notice with the minimum that applied', () => {
    expect(
      planVaeAdmissibility(vae, notice({ noticeNumber: ' N-1 ' }), tpDl, today, recordedAt),
    ).toEqual({
      noticeNumber: 'N-1',
      issuedOn: '2026-06-15',
      issuedBy: 'DREETS Auvergne-Rhône-Alpes',
      experienceYears: 4,
      requiredExperienceYears: 3,
      recordedAt,
    });
  });

  it.each`
    case                         | certification                 | experienceYears | refusal
    ${'just below the minimum'}  | ${tpDl}                       | ${2.99}         | ${/TP-DL requires 3 years of experience for VAE \(R6\); the notice states 2.99 years/}
    ${'at the minimum'}          | ${tpDl}                       | ${3}            | ${null}
    ${'missing, minimum 3'}      | ${tpDl}                       | ${null}         | ${/TP-DL requires 3 years of experience for VAE \(R6\): give/}
    ${'missing, no minimum'}     | ${rncp}                       | ${null}         | ${null}
    ${'0 years, no minimum'}     | ${rncp}                       | ${0}            | ${null}
    ${'1 year below, minimum 1'} | ${sampleKnownCertification()} | ${0.5}          | ${/TP-CDA requires 1 year of experience/}
  `('experience $case', ({ certification, experienceYears, refusal }) => {
    const work = () =>
      planVaeAdmissibility(vae, notice({ experienceYears }), certification, today, recordedAt);
    if (refusal === null) {
      expect(work).not.toThrow();
    } else {
      const error = refusalOf(work);
      expect(error).toMatchObject({ field: 'input.experienceYears', rule: 'R6' });
      expect(error.message).toMatch(refusal);
    }
  });

  it.each`
    case                                      | issuedOn        | refusal
    ${'today'}                                | ${today}        | ${null}
    ${'tomorrow'}                             | ${'2026-11-23'} | ${/in the future/}
    ${'3 years before the start, to the day'} | ${'2023-09-01'} | ${null}
    ${'the day before that'}                  | ${'2023-08-31'} | ${/more than 3 years before the enrolment started \(2026-09-01\)/}
    ${'an impossible date'}                   | ${'2026-02-29'} | ${/not a real date/}
  `('issuedOn $case', ({ issuedOn, refusal }) => {
    const work = () => planVaeAdmissibility(vae, notice({ issuedOn }), tpDl, today, recordedAt);
    if (refusal === null) expect(work).not.toThrow();
    else
      expect(refusalOf(work)).toMatchObject({
        field: 'input.issuedOn',
        message: expect.stringMatching(refusal),
      });
  });

  it.each`
    case                        | change                     | field
    ${'an empty notice number'} | ${{ noticeNumber: '  ' }}  | ${'input.noticeNumber'}
    ${'an empty authority'}     | ${{ issuedBy: '' }}        | ${'input.issuedBy'}
    ${'negative experience'}    | ${{ experienceYears: -1 }} | ${'input.experienceYears'}
    ${'a lifetime and more'}    | ${{ experienceYears: 61 }} | ${'input.experienceYears'}
  `('refuses $case', ({ change, field }) => {
    expect(
      refusalOf(() => planVaeAdmissibility(vae, notice(change), rncp, today, recordedAt)).field,
    ).toBe(field);
  });

  it('reports every problem at once, tagged R6 when the minimum is not met', () => {
    const error = refusalOf(() =>
      planVaeAdmissibility(
        vae,
        notice({ issuedBy: '', experienceYears: 1 }),
        tpDl,
        today,
        recordedAt,
      ),
    );
    expect(error.rule).toBe('R6');
    expect(error.message).toMatch(
      /input\.issuedBy: .*; input\.experienceYears: TP-DL requires 3 years/,
    );
  });

  it('refuses a notice on an enrolment that is not VAE', () => {
    const error = refusalOf(() =>
      planVaeAdmissibility(
        sampleEnrollment({ pathway: 'APPRENTICESHIP' }),
        notice(),
        tpDl,
        today,
        recordedAt,
      ),
    );
    expect(error).toMatchObject({ field: 'enrollmentId', rule: 'R6' });
    expect(error.message).toMatch(/follows the APPRENTICESHIP pathway.*only on a VAE enrolment/);
  });

  it('changes nothing when the same notice is recorded again, and keeps a recorded notice', () => {
    const recorded = planVaeAdmissibility(vae, notice(), tpDl, today, recordedAt);
    const withNotice = { ...vae, vaeAdmissibility: recorded };
    expect(planVaeAdmissibility(withNotice, notice(), tpDl, today, recordedAt)).toBeNull();
    const other = refusalOf(() =>
      planVaeAdmissibility(withNotice, notice({ noticeNumber: 'OTHER' }), tpDl, today, recordedAt),
    );
    expect(other.message).toMatch(
      /already has its recevabilité \(notice DREETS-ARA-2026-0042.*not replaced/,
    );
  });
});
