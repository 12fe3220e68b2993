import type { LocalDate } from '@certif/platform-calendar';
import { assertEligible, type EligibilityFacts } from './eligibility';
import {
  refusalOf,
  sampleCertification,
  sampleEnrollment,
  sampleParchemin,
  sampleSession,
} from './testing';

const vae = {
  noticeNumber: 'DREETS-2026-001',
  issuedOn: '2026-01-15' as const,
  issuedBy: 'DREETS Occitanie',
};
const seats = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ id: `r-${i}`, candidateId: `other-${i}` }));

function facts(overrides: Partial<EligibilityFacts> = {}): EligibilityFacts {
  return {
    session: sampleSession(),
    certification: sampleCertification(),
    lineageIds: ['cda'],
    enrollment: sampleEnrollment(),
    registered: [],
    parchemins: [],
    heldComponentIds: [],
    ...overrides,
  };
}

/** Seed 004: registration ended 2025-09-29; R5's grace year runs to 2026-09-29. */
const closed = sampleCertification({ registeredUntil: '2025-09-29' });
const sessionOn = (startsOn: LocalDate) => sampleSession({ startsOn, endsOn: startsOn });

describe('assertEligible (DOMAIN.md, eligibility at registration)', () => {
  it.each`
    case                                                              | change
    ${'an enrolment in the session’s certification'}                  | ${{}}
    ${'an enrolment in an older version of the lineage (R4)'}         | ${{ enrollment: sampleEnrollment({ certificationId: 'cda-2019' }), lineageIds: ['cda', 'cda-2019'] }}
    ${'a VAE enrolment with its recevabilité (R6)'}                   | ${{ enrollment: sampleEnrollment({ pathway: 'VAE', vaeAdmissibility: vae }) }}
    ${'a CCS session for a holder of the title (R7)'}                 | ${{ session: sampleSession({ scope: 'SPECIALIZATION', componentIds: [], specializationId: 'ccs1' }), parchemins: [sampleParchemin()] }}
    ${'a CCS session, parchemin of an older version of the title'}    | ${{ session: sampleSession({ scope: 'SPECIALIZATION', componentIds: [] }), parchemins: [sampleParchemin({ certificationId: 'cda-2019' })], lineageIds: ['cda', 'cda-2019'] }}
    ${'the last seat (capacity 3, 2 taken)'}                          | ${{ session: sampleSession({ capacity: 3 }), registered: seats(2) }}
    ${'a session on the last day of registration'}                    | ${{ certification: closed, session: sessionOn('2025-09-29') }}
    ${'R5: the day after, for a holder of a component'}               | ${{ certification: closed, session: sessionOn('2025-09-30'), heldComponentIds: ['bc01'] }}
    ${'R5: the last day of the grace year, for a holder'}             | ${{ certification: closed, session: sessionOn('2026-09-29'), heldComponentIds: ['bc01'] }}
    ${'a closed certification, session in the past when it was open'} | ${{ certification: closed, session: sessionOn('2024-05-01') }}
  `('accepts $case', ({ change }) => {
    expect(() => assertEligible(facts(change))).not.toThrow();
  });

  it.each`
    case                                                        | change                                                                                                                                    | rule                | message
    ${'an enrolment in another certification'}                  | ${{ enrollment: sampleEnrollment({ certificationId: 'dwwm' }) }}                                                                          | ${'lineage'}        | ${/another certification \(dwwm\), not TP-CDA nor a version of it/}
    ${'a candidate already registered'}                         | ${{ registered: [{ id: 'r-1', candidateId: 'candidate-1' }] }}                                                                            | ${'duplicate'}      | ${/already registered to this session \(registration r-1\)/}
    ${'a VAE enrolment without recevabilité'}                   | ${{ enrollment: sampleEnrollment({ pathway: 'VAE' }) }}                                                                                   | ${'R6'}             | ${/recevabilité notice/}
    ${'a CCS session without any parchemin'}                    | ${{ session: sampleSession({ scope: 'SPECIALIZATION', componentIds: [] }) }}                                                              | ${'R7'}             | ${/holder of the title TP-CDA/}
    ${'a CCS session with a revoked parchemin'}                 | ${{ session: sampleSession({ scope: 'SPECIALIZATION', componentIds: [] }), parchemins: [sampleParchemin({ status: 'REVOKED' })] }}        | ${'R7'}             | ${/no valid parchemin/}
    ${'a CCS session with a parchemin of another title'}        | ${{ session: sampleSession({ scope: 'SPECIALIZATION', componentIds: [] }), parchemins: [sampleParchemin({ certificationId: 'dwwm' })] }}  | ${'R7'}             | ${/no valid parchemin/}
    ${'a CCS session with only a CCS parchemin'}                | ${{ session: sampleSession({ scope: 'SPECIALIZATION', componentIds: [] }), parchemins: [sampleParchemin({ specializationId: 'ccs1' })] }} | ${'R7'}             | ${/no valid parchemin/}
    ${'a full session (capacity 3, 3 taken)'}                   | ${{ session: sampleSession({ capacity: 3 }), registered: seats(3) }}                                                                      | ${'capacity'}       | ${/full \(3 of 3 seats taken\)/}
    ${'R12: the day after registration ended, holding nothing'} | ${{ certification: closed, session: sessionOn('2025-09-30') }}                                                                            | ${'R12'}            | ${/ended on 2025-09-29 \(R12\).*until 2026-09-29/}
    ${'R5: the day after the grace year, holding a component'}  | ${{ certification: closed, session: sessionOn('2026-09-30'), heldComponentIds: ['bc01'] }}                                                | ${'R5'}             | ${/year of grace ends on 2026-09-29/}
    ${'a deliberated session'}                                  | ${{ session: sampleSession({ status: 'DELIBERATED' }) }}                                                                                  | ${'session-status'} | ${/DELIBERATED/}
    ${'a closed session'}                                       | ${{ session: sampleSession({ status: 'CLOSED' }) }}                                                                                       | ${'session-status'} | ${/CLOSED/}
  `('refuses $case (rule $rule)', ({ change, rule, message }) => {
    const error = refusalOf(() => assertEligible(facts(change)));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', rule });
    expect(error.message).toMatch(message);
  });

  it('says the candidate is already registered rather than that the session is full', () => {
    const full = facts({
      session: sampleSession({ capacity: 1 }),
      registered: [{ id: 'r-1', candidateId: 'candidate-1' }],
    });
    expect(refusalOf(() => assertEligible(full)).rule).toBe('duplicate');
  });
});
