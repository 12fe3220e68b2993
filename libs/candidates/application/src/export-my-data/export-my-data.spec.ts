import { fixedClock } from '@certif/platform-calendar';
import {
  sampleCandidate,
  sampleEnrollment,
  sampleKnownCertification,
} from '@certif/candidates-domain/testing';
import { inMemoryDependencies } from '../testing';
import { CandidatesPersonalData } from './candidates-personal-data';
import type { PersonalDataContributor } from '../ports';
import { ExportMyDataService } from './export-my-data.service';

const me = { sub: 'u-1', roles: ['CANDIDATE' as const], candidateId: 'c-0001' };

function setUp(extra: PersonalDataContributor[] = []) {
  const deps = inMemoryDependencies();
  const { state } = deps.unitOfWork;
  state.candidates.set('c-0001', sampleCandidate({ accommodations: ['tiers-temps'] }));
  state.enrollments.set(
    'e-0001',
    sampleEnrollment({
      pathway: 'VAE',
      vaeAdmissibility: {
        noticeNumber: 'N-1',
        issuedOn: '2024-12-01',
        issuedBy: 'DREETS',
        experienceYears: 2,
        requiredExperienceYears: 1,
        recordedAt: new Date('2025-01-07T08:00:00Z'),
      },
    }),
  );
  state.certifications.set('cert-tp-cda', sampleKnownCertification());
  return new ExportMyDataService({
    contributors: [new CandidatesPersonalData(deps.unitOfWork), ...extra],
    clock: fixedClock('2026-11-22'),
  });
}

describe('ExportMyDataService (R13, access right)', () => {
  it("exports identity (with the register's birth data), accommodations, enrolments with VAE notices and timestamps", async () => {
    const exported = await setUp().execute(me);
    expect(exported).toEqual({
      generatedAt: '2026-11-22T12:00:00.000Z',
      candidateId: 'c-0001',
      sources: ['candidates'],
      sections: {
        candidates: {
          candidate: expect.objectContaining({
            lastName: 'Martin',
            email: 'lea.martin@example.fr',
            accommodations: ['tiers-temps'],
            sex: 'F',
            birthName: null,
            birthPlace: expect.objectContaining({ inseeCode: '69123', city: 'Lyon' }),
            erasedAt: null,
          }),
          enrollments: [
            expect.objectContaining({
              certification: { id: 'cert-tp-cda', code: 'TP-CDA', title: expect.any(String) },
              pathway: 'VAE',
              vaeAdmissibility: expect.objectContaining({
                noticeNumber: 'N-1',
                requiredExperienceYears: 1,
                recordedAt: '2025-01-07T08:00:00.000Z',
              }),
            }),
          ],
        },
      },
    });
    expect(JSON.parse(JSON.stringify(exported))).toEqual(exported);
  });

  it('adds the section of another contributor without changing the use case', async () => {
    const issuing: PersonalDataContributor = {
      source: 'issuing',
      collect: async ({ candidateId }) => ({ livrets: [candidateId] }),
    };
    const exported = await setUp([issuing]).execute(me);
    expect(exported.sources).toEqual(['candidates', 'issuing']);
    expect(exported.sections['issuing']).toEqual({ livrets: ['c-0001'] });
  });

  it('refuses a token without candidateId, and answers NOT_FOUND when no source holds anything', async () => {
    await expect(setUp().execute({ sub: 'a', roles: ['ADMIN'] })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(setUp().execute({ ...me, candidateId: 'nobody' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
