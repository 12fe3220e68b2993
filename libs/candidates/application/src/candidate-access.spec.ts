import type { Principal } from '@certif/platform-auth';
import { maySeePersonalData } from './candidate-access';

describe('personal data: admins, the candidate, and managers of a centre where they are registered', () => {
  const registeredIn = ['AFPA Lyon'];
  it.each`
    who                                | principal                                                                            | sees
    ${'an admin'}                      | ${{ sub: 'a', roles: ['ADMIN'] }}                                                    | ${true}
    ${'the candidate themself'}        | ${{ sub: 'c', roles: ['CANDIDATE'], candidateId: 'cand-1' }}                         | ${true}
    ${'another candidate'}             | ${{ sub: 'c', roles: ['CANDIDATE'], candidateId: 'cand-2' }}                         | ${false}
    ${'a juror'}                       | ${{ sub: 'j', roles: ['JURY_MEMBER'] }}                                              | ${false}
    ${'a referential manager'}         | ${{ sub: 'r', roles: ['REFERENTIAL_MANAGER'] }}                                      | ${false}
    ${'a manager of every centre'}     | ${{ sub: 'm', roles: ['SESSION_MANAGER'] }}                                          | ${true}
    ${'a manager of AFPA Lyon'}        | ${{ sub: 'm', roles: ['SESSION_MANAGER'], centers: ['AFPA Lyon'] }}                  | ${true}
    ${'a manager of AFPA Nantes only'} | ${{ sub: 'm', roles: ['SESSION_MANAGER'], centers: ['AFPA Nantes'] }}                | ${false}
    ${'a manager of no centre'}        | ${{ sub: 'm', roles: ['SESSION_MANAGER'], centers: [] }}                             | ${false}
    ${'a juror who manages Nantes'}    | ${{ sub: 'm', roles: ['JURY_MEMBER', 'SESSION_MANAGER'], centers: ['AFPA Nantes'] }} | ${false}
  `('$who: $sees', async ({ principal, sees }: { principal: Principal; sees: boolean }) => {
    await expect(maySeePersonalData(principal, 'cand-1', async () => registeredIn)).resolves.toBe(
      sees,
    );
  });

  it('reads the centres only for a manager limited by the centers claim', async () => {
    const centers = jest.fn(async () => registeredIn);
    await maySeePersonalData({ sub: 'm', roles: ['SESSION_MANAGER'] }, 'cand-1', centers);
    await maySeePersonalData({ sub: 'j', roles: ['JURY_MEMBER'] }, 'cand-1', centers);
    expect(centers).not.toHaveBeenCalled();
  });
});
