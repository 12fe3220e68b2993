import type { LocalDate } from '@certif/platform-calendar';
import type { Enrollment } from './enrollment';
import {
  assertEnrollable,
  validateEnrollmentDraft,
  type EnrollmentDraft,
} from './enrollment-rules';
import type { KnownCertification } from './known-certification';
import { refusalOf, sampleCandidate, sampleEnrollment, sampleKnownCertification } from './testing';

const today = '2026-11-22';

function draft(overrides: Partial<EnrollmentDraft> = {}): EnrollmentDraft {
  return {
    candidateId: 'c-0001',
    certificationId: 'cert-tp-cda',
    pathway: 'CONTINUOUS_TRAINING',
    startedOn: '2026-09-01',
    trainingCenter: null,
    ...overrides,
  };
}

function check(
  certification: KnownCertification | null,
  options: {
    on?: LocalDate;
    enrollments?: Enrollment[];
    lineage?: KnownCertification[];
    change?: Partial<EnrollmentDraft>;
  } = {},
) {
  const versions = options.lineage ?? (certification ? [certification] : []);
  return assertEnrollable(
    draft({ certificationId: certification?.id ?? 'unknown', ...options.change }),
    {
      candidate: sampleCandidate(),
      certification,
      lineage: new Map(versions.map((c) => [c.id, c])),
      enrollments: options.enrollments ?? [],
      today: options.on ?? today,
    },
  );
}

describe('validateEnrollmentDraft', () => {
  it('trims the training centre, a blank one being no centre', () => {
    expect(validateEnrollmentDraft(draft({ trainingCenter: '  AFPA Lyon ' })).trainingCenter).toBe(
      'AFPA Lyon',
    );
    expect(validateEnrollmentDraft(draft({ trainingCenter: '  ' })).trainingCenter).toBeNull();
  });

  it.each`
    case                            | change                                 | field                      | message
    ${'an impossible start date'}   | ${{ startedOn: '2026-02-30' }}         | ${'input.startedOn'}       | ${/not a real date/}
    ${'a centre of 201 characters'} | ${{ trainingCenter: 'x'.repeat(201) }} | ${'input.trainingCenter'}  | ${/at most 200/}
    ${'an empty certification id'}  | ${{ certificationId: ' ' }}            | ${'input.certificationId'} | ${/must not be empty/}
  `('refuses $case', ({ change, field, message }) => {
    const error = refusalOf(() => validateEnrollmentDraft(draft(change)));
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });
});

describe('assertEnrollable', () => {
  it('accepts an ACTIVE certification with open-ended registration', () => {
    expect(check(sampleKnownCertification()).code).toBe('TP-CDA');
  });

  it('refuses a certification the read model does not know (yet)', () => {
    const error = refusalOf(() => check(null));
    expect(error.field).toBe('input.certificationId');
    expect(error.message).toMatch(/not known \(yet\)/);
  });

  it('refuses a DRAFT', () => {
    expect(refusalOf(() => check(sampleKnownCertification({ published: false }))).message).toMatch(
      /is a DRAFT/,
    );
  });

  // R12 (004: « date d'échéance » 29-09-2025; 003: registration ended 27-12-2021) judged on the
  // enrolment's start, not on today: DOMAIN.md "History" takes over records of earlier systems.
  it.each`
    case                                                            | code           | registeredUntil | today           | startedOn       | refusal
    ${'004, last day of registration'}                              | ${'RNCP36912'} | ${'2025-09-29'} | ${'2025-09-29'} | ${'2025-09-29'} | ${null}
    ${'004 closed, a start on its end date recorded the day after'} | ${'RNCP36912'} | ${'2025-09-29'} | ${'2025-09-30'} | ${'2025-09-29'} | ${null}
    ${'004 closed, a start after its end date'}                     | ${'RNCP36912'} | ${'2025-09-29'} | ${today}        | ${'2025-09-30'} | ${/RNCP36912 is closed to new candidates: its registration ended on 2025-09-29 \(R12\)/}
    ${'004 closed, a new candidate starting today'}                 | ${'RNCP36912'} | ${'2025-09-29'} | ${today}        | ${today}        | ${/registration ended on 2025-09-29/}
    ${'003 closed in 2021, a record started in 2019 (History)'}     | ${'RNCP28754'} | ${'2021-12-27'} | ${today}        | ${'2019-09-01'} | ${null}
    ${'open, start on the end date'}                                | ${'RNCP36912'} | ${'2027-06-30'} | ${today}        | ${'2027-06-30'} | ${null}
    ${'open, start the day after the end'}                          | ${'RNCP36912'} | ${'2027-06-30'} | ${today}        | ${'2027-07-01'} | ${/after 2027-06-30, the end of RNCP36912's registration.*\(R12\)/}
  `('R12: $case', ({ code, registeredUntil, today: on, startedOn, refusal }) => {
    const certification = sampleKnownCertification({ code, registeredUntil });
    const work = () => check(certification, { on, change: { startedOn } });
    if (refusal === null) {
      expect(work).not.toThrow();
    } else {
      const error = refusalOf(work);
      expect(error.rule).toBe('R12');
      expect(error.message).toMatch(refusal);
    }
  });

  // The fiches' « Voie d'accès » tables (004: « Par candidature individuelle: Non »).
  const rncp36912 = sampleKnownCertification({
    code: 'RNCP36912',
    pathways: [
      'INITIAL_TRAINING',
      'APPRENTICESHIP',
      'CONTINUOUS_TRAINING',
      'PROFESSIONALISATION_CONTRACT',
      'VAE',
    ],
  });
  it.each`
    words                                                        | pathway                     | accepted
    ${'Par candidature individuelle: Non'}                       | ${'INDIVIDUAL_APPLICATION'} | ${false}
    ${'Après un parcours de formation sous statut d’élève: Oui'} | ${'INITIAL_TRAINING'}       | ${true}
    ${'En contrat d’apprentissage: Oui'}                         | ${'APPRENTICESHIP'}         | ${true}
    ${'Par expérience: Oui'}                                     | ${'VAE'}                    | ${true}
    ${'(no row for a discontinuous pathway)'}                    | ${'DISCONTINUOUS_TRAINING'} | ${false}
  `('access routes: 004 « $words » → $pathway accepted $accepted', ({ pathway, accepted }) => {
    const work = () => check(rncp36912, { change: { pathway } });
    if (accepted) expect(work).not.toThrow();
    else
      expect(refusalOf(work)).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.pathway',
        rule: 'ACCESS_ROUTES',
        message: expect.stringMatching(`RNCP36912 is not open to the ${pathway} access route`),
      });
  });

  it.each`
    startedOn       | accepted
    ${'2022-09-28'} | ${false}
    ${'2022-09-29'} | ${true}
  `(
    'R12: a start on $startedOn, the certification opening on 2022-09-29 → accepted $accepted',
    ({ startedOn, accepted }) => {
      const certification = sampleKnownCertification({ registeredFrom: '2022-09-29' });
      const work = () => check(certification, { change: { startedOn } });
      if (accepted) expect(work).not.toThrow();
      else expect(refusalOf(work)).toMatchObject({ field: 'input.startedOn', rule: 'R12' });
    },
  );

  it('R4: refuses a REVISED version and names the version to enrol in', () => {
    const old = sampleKnownCertification({ id: 'v1', code: 'TP-CDA', revisedById: 'v2' });
    const current = sampleKnownCertification({ id: 'v2', code: 'TP-CDA-2023', revisesId: 'v1' });
    const error = refusalOf(() => check(old, { lineage: [old, current] }));
    expect(error.rule).toBe('R4');
    expect(error.message).toMatch(/TP-CDA was revised.*enrol in TP-CDA-2023 instead/);
  });

  it('R4: says "its new version" when that version has not reached the read model yet', () => {
    const old = sampleKnownCertification({ id: 'v1', revisedById: 'v2' });
    expect(refusalOf(() => check(old)).message).toMatch(/enrol in its new version instead/);
  });

  it('refuses a second open enrolment in the same certification', () => {
    const error = refusalOf(() =>
      check(sampleKnownCertification(), { enrollments: [sampleEnrollment()] }),
    );
    expect(error.field).toBe('input.certificationId');
    expect(error.message).toMatch(
      /already enrolled in TP-CDA \(enrolment e-0001, started 2025-01-06\).*still open/,
    );
  });

  it('refuses a second open enrolment in another version of the same lineage', () => {
    const old = sampleKnownCertification({
      id: 'v1',
      code: 'TP-CDA',
      revisedById: 'v2',
      registeredUntil: '2023-08-31',
    });
    const current = sampleKnownCertification({ id: 'v2', code: 'TP-CDA-2023', revisesId: 'v1' });
    const enrollments = [sampleEnrollment({ certificationId: 'v1' })];
    const error = refusalOf(() => check(current, { lineage: [old, current], enrollments }));
    expect(error.message).toMatch(/already enrolled in TP-CDA, a version of TP-CDA-2023/);
  });

  it('accepts an enrolment in another certification', () => {
    const enrollments = [sampleEnrollment({ certificationId: 'cert-tp-dl' })];
    expect(() => check(sampleKnownCertification(), { enrollments })).not.toThrow();
  });

  it('R13: refuses to enrol an erased candidate', () => {
    const error = refusalOf(() =>
      assertEnrollable(draft(), {
        candidate: sampleCandidate({ erasedAt: new Date('2026-01-01T00:00:00Z') }),
        certification: sampleKnownCertification(),
        lineage: new Map(),
        enrollments: [],
        today,
      }),
    );
    expect(error).toMatchObject({ field: 'input.candidateId', rule: 'R13' });
  });
});
