import type { Principal } from '@certif/platform-auth';
import { sampleCandidate, sampleEnrollment } from '@certif/candidates-domain/testing';
import { inMemoryDependencies } from '../testing';
import { EraseCandidateService } from './erase-candidate.service';

const manager: Principal = { sub: 'm', roles: ['SESSION_MANAGER'] };

function setUp() {
  const deps = inMemoryDependencies();
  deps.unitOfWork.state.candidates.set(
    'c-0001',
    sampleCandidate({ accommodations: ['tiers-temps'] }),
  );
  deps.unitOfWork.state.enrollments.set('e-0001', sampleEnrollment());
  return { deps, erase: new EraseCandidateService(deps) };
}

describe('EraseCandidateService (R13)', () => {
  it.each`
    who                         | principal                                                    | allowed
    ${'a session manager'}      | ${manager}                                                   | ${true}
    ${'an admin'}               | ${{ sub: 'a', roles: ['ADMIN'] }}                            | ${true}
    ${'the candidate themself'} | ${{ sub: 'c', roles: ['CANDIDATE'], candidateId: 'c-0001' }} | ${true}
    ${'another candidate'}      | ${{ sub: 'o', roles: ['CANDIDATE'], candidateId: 'c-0002' }} | ${false}
    ${'a juror'}                | ${{ sub: 'j', roles: ['JURY_MEMBER'] }}                      | ${false}
  `('$who may erase: $allowed', async ({ principal, allowed }) => {
    const { erase } = setUp();
    const work = erase.execute(principal, 'c-0001');
    if (allowed) await expect(work).resolves.toMatchObject({ firstName: 'Candidat·e' });
    else await expect(work).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('keeps the enrolments, publishes ERASED once, and answers the same record the second time', async () => {
    const { deps, erase } = setUp();
    const erased = await erase.execute(manager, 'c-0001');
    expect(erased).toMatchObject({ birthDate: null, email: null, accommodations: [], version: 2 });
    expect(await erase.execute(manager, 'c-0001')).toEqual(erased);
    expect(deps.unitOfWork.events.map((e) => [e.change, e.enrollments.map((x) => x.id)])).toEqual([
      ['ERASED', ['e-0001']],
    ]);
    expect(deps.unitOfWork.state.enrollments.get('e-0001')).toBeDefined();
  });

  it('answers NOT_FOUND for an unknown id', async () => {
    await expect(setUp().erase.execute(manager, 'nobody')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
