import {
  sampleCandidate,
  sampleEnrollment,
  sampleKnownCertification,
} from '@certif/candidates-domain/testing';
import type { VaeAdmissibilityDraft } from '@certif/candidates-domain';
import { inMemoryDependencies } from '../testing';
import { RecordVaeAdmissibilityService } from './record-vae-admissibility.service';

const notice: VaeAdmissibilityDraft = {
  noticeNumber: 'N-1',
  issuedOn: '2026-06-15',
  issuedBy: 'DREETS Occitanie',
  experienceYears: 3,
};

function setUp() {
  const deps = inMemoryDependencies();
  const { state } = deps.unitOfWork;
  state.candidates.set('c-0001', sampleCandidate({ version: 2 }));
  state.enrollments.set(
    'e-0001',
    sampleEnrollment({ pathway: 'VAE', certificationId: 'tp-dl', startedOn: '2026-09-01' }),
  );
  state.certifications.set(
    'tp-dl',
    sampleKnownCertification({ id: 'tp-dl', code: 'TP-DL', vaeMinimumExperienceYears: 3 }),
  );
  return { deps, record: new RecordVaeAdmissibilityService(deps) };
}

describe('RecordVaeAdmissibilityService', () => {
  it('records the notice with the minimum that applied and publishes it once', async () => {
    const { deps, record } = setUp();
    const recorded = await record.execute('e-0001', notice);
    expect(recorded.vaeAdmissibility).toMatchObject({ ...notice, requiredExperienceYears: 3 });
    expect(deps.unitOfWork.events.map((e) => [e.change, e.candidate.version])).toEqual([
      ['VAE_ADMISSIBILITY_RECORDED', 3],
    ]);
    expect(deps.unitOfWork.events[0]?.enrollments[0]?.vaeAdmissibility?.noticeNumber).toBe('N-1');

    expect(await record.execute('e-0001', notice)).toEqual(recorded);
    expect(deps.unitOfWork.events).toHaveLength(1);
  });

  it('answers NOT_FOUND for an unknown enrolment', async () => {
    await expect(setUp().record.execute('nope', notice)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('refuses below the minimum (R6) and publishes nothing', async () => {
    const { deps, record } = setUp();
    await expect(record.execute('e-0001', { ...notice, experienceYears: 2 })).rejects.toMatchObject(
      {
        rule: 'R6',
      },
    );
    expect(deps.unitOfWork.events).toEqual([]);
  });
});
