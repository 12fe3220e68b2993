import type { Principal } from '@certif/platform-auth';
import type { Candidate } from '@certif/candidates-domain';
import { sampleCandidate } from '@certif/candidates-domain/testing';
import { inMemoryDependencies } from '../testing';
import { CandidateQueries, sortKeyOf } from './candidate-queries';

function setUp() {
  const deps = inMemoryDependencies();
  for (const [id, firstName, lastName] of [
    ['c1', 'Émilie', 'Durand'],
    ['c2', 'Léa', 'Martin'],
    ['c3', 'Anne', 'Durand'],
  ] as const) {
    deps.unitOfWork.state.candidates.set(id, sampleCandidate({ id, firstName, lastName }));
  }
  return new CandidateQueries(deps.unitOfWork);
}

describe('CandidateQueries', () => {
  it.each`
    who                                 | principal                                                | id        | outcome
    ${'a session manager'}              | ${{ sub: 'm', roles: ['SESSION_MANAGER'] }}              | ${'c1'}   | ${'Durand'}
    ${'the candidate themself'}         | ${{ sub: 'x', roles: ['CANDIDATE'], candidateId: 'c1' }} | ${'c1'}   | ${'Durand'}
    ${'another candidate'}              | ${{ sub: 'x', roles: ['CANDIDATE'], candidateId: 'c2' }} | ${'c1'}   | ${'FORBIDDEN'}
    ${'a candidate, for an unknown id'} | ${{ sub: 'x', roles: ['CANDIDATE'], candidateId: 'c2' }} | ${'nope'} | ${'FORBIDDEN'}
    ${'a manager, for an unknown id'}   | ${{ sub: 'm', roles: ['SESSION_MANAGER'] }}              | ${'nope'} | ${'NOT_FOUND'}
    ${'a referential manager'}          | ${{ sub: 'r', roles: ['REFERENTIAL_MANAGER'] }}          | ${'c1'}   | ${'FORBIDDEN'}
  `('get: $who → $outcome', async ({ principal, id, outcome }) => {
    const read = setUp().get(principal as Principal, id);
    if (outcome === 'FORBIDDEN' || outcome === 'NOT_FOUND')
      await expect(read).rejects.toMatchObject({ code: outcome });
    else await expect(read).resolves.toMatchObject({ lastName: outcome });
  });

  it('me: the candidate of the token, null without a candidateId claim', async () => {
    const queries = setUp();
    expect(
      (await queries.me({ sub: 'x', roles: ['CANDIDATE'], candidateId: 'c2' }))?.lastName,
    ).toBe('Martin');
    expect(await queries.me({ sub: 'x', roles: ['CANDIDATE'] })).toBeNull();
  });

  it('search: ordered by last name, first name, id, paged by keyset', async () => {
    const queries = setUp();
    const first = await queries.search(null, 2, null);
    expect(first.items.map((c) => c.id)).toEqual(['c3', 'c1']);
    expect(first.hasNextPage).toBe(true);
    const next = await queries.search(null, 2, sortKeyOf(first.items[1] as Candidate));
    expect(next.items.map((c) => c.id)).toEqual(['c2']);
    expect((await queries.search('EMILIE', 10, null)).items.map((c) => c.id)).toEqual(['c1']);
  });

  it('refuses a search longer than 100 characters', async () => {
    await expect(setUp().search('x'.repeat(101), 10, null)).rejects.toMatchObject({
      field: 'search',
    });
  });
});
