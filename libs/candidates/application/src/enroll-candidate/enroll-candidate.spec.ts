import {
  sampleCandidate,
  sampleEnrollment,
  sampleKnownCertification,
} from '@certif/candidates-domain/testing';
import type { EnrollmentDraft } from '@certif/candidates-domain';
import { inMemoryDependencies } from '../testing';
import { EnrollCandidateService } from './enroll-candidate.service';

function setUp() {
  const deps = inMemoryDependencies();
  const { state } = deps.unitOfWork;
  state.candidates.set('c-0001', sampleCandidate());
  for (const c of [
    sampleKnownCertification({ id: 'v1', code: 'TP-X', revisedById: 'v2' }),
    sampleKnownCertification({ id: 'v2', code: 'TP-X-2', revisesId: 'v1', revisedById: 'v3' }),
    sampleKnownCertification({ id: 'v3', code: 'TP-X-3', revisesId: 'v2' }),
    sampleKnownCertification({ id: 'other', code: 'TP-DL' }),
  ]) {
    state.certifications.set(c.id, c);
  }
  return { deps, enroll: new EnrollCandidateService(deps) };
}

const draft = (overrides: Partial<EnrollmentDraft> = {}): EnrollmentDraft => ({
  candidateId: 'c-0001',
  certificationId: 'v3',
  pathway: 'VAE',
  startedOn: '2026-09-01',
  trainingCenter: ' AFPA ',
  ...overrides,
});

describe('EnrollCandidateService', () => {
  it('enrols an OPEN enrolment, bumps the candidate version and publishes every enrolment', async () => {
    const { deps, enroll } = setUp();
    const first = await enroll.execute(draft());
    expect(first).toMatchObject({
      certificationId: 'v3',
      status: 'OPEN',
      trainingCenter: 'AFPA',
      vaeAdmissibility: null,
    });
    const second = await enroll.execute(draft({ certificationId: 'other' }));
    expect(deps.unitOfWork.state.candidates.get('c-0001')?.version).toBe(3);
    const events = deps.unitOfWork.events;
    expect(events.map((e) => [e.change, e.candidate.version])).toEqual([
      ['ENROLLED', 2],
      ['ENROLLED', 3],
    ]);
    expect(events[1]?.enrollments.map((e) => e.id)).toEqual([first.id, second.id]);
  });

  it('finds an open enrolment two revisions back in the lineage (R4)', async () => {
    const { deps, enroll } = setUp();
    deps.unitOfWork.state.enrollments.set(
      'old',
      sampleEnrollment({ id: 'old', certificationId: 'v1' }),
    );
    await expect(enroll.execute(draft())).rejects.toThrow(
      /already enrolled in TP-X, a version of TP-X-3/,
    );
  });

  it('answers NOT_FOUND for an unknown candidate and leaves nothing behind on a refusal', async () => {
    const { deps, enroll } = setUp();
    await expect(enroll.execute(draft({ candidateId: 'nobody' }))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(enroll.execute(draft({ certificationId: 'v1' }))).rejects.toMatchObject({
      rule: 'R4',
    });
    expect(deps.unitOfWork.state.enrollments.size).toBe(0);
    expect(deps.unitOfWork.events).toEqual([]);
  });
});
