import { execute, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { Principal } from '@certif/platform-auth';
import { fixedClock } from '@certif/platform-calendar';
import { Outbox } from '@certif/platform-events';
import { createLogger } from '@certif/platform-observability';
import { openTestDatabase, type TestDatabase } from '@certif/platform-persistence/testing';
import {
  createCandidatesLoaders,
  OutboxCandidateEvents,
  TypeOrmCandidateCenters,
  TypeOrmCandidatesUnitOfWork,
  type CandidatesUseCases,
} from '@certif/candidates-adapters';
import { candidatesSchema } from './candidates-schema';
import { buildCandidatesSchema } from './candidates-subgraph';
import { candidatesUseCases } from './candidates-use-cases';

const ENTITIES = parse(`query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Candidate { id lastName accommodations } }
}`);

/** The subgraph on its own, as the gateway calls it for references from sessions and issuing. */
describe('the candidates subgraph, reached by reference', () => {
  let db: TestDatabase;
  let useCases: CandidatesUseCases;
  let schema: GraphQLSchema;
  const ids: string[] = [];

  beforeAll(async () => {
    db = await openTestDatabase('sqlite', candidatesSchema);
    const outbox = new Outbox({ source: 'certif/candidates' });
    const unitOfWork = new TypeOrmCandidatesUnitOfWork(
      db.dataSource,
      (m) => new OutboxCandidateEvents(outbox, m),
    );
    useCases = candidatesUseCases({
      unitOfWork,
      clock: fixedClock('2026-11-22'),
      newId: () => `c-${ids.length + 1}`,
    });
    for (const lastName of ['Un', 'Deux', 'Trois']) {
      ids.push(
        (
          await useCases.register.execute({
            firstName: 'A',
            lastName,
            birthDate: '1990-04-12',
            email: `${lastName.toLowerCase()}@example.org`,
            accommodations: ['tiers-temps'],
          })
        ).id,
      );
    }
    schema = await buildCandidatesSchema(useCases);
  });
  afterAll(() => db.close());

  /** Every registered candidate by reference, as the gateway asks for them. */
  const entities = (document: DocumentNode, principal: Principal | null) =>
    execute({
      schema,
      document,
      variableValues: { representations: ids.map((id) => ({ __typename: 'Candidate', id })) },
      contextValue: {
        principal,
        requestId: 'test',
        logger: createLogger({ service: 'test', level: 'silent' }),
        loaders: createCandidatesLoaders(
          useCases.queries,
          new TypeOrmCandidateCenters(db.dataSource.manager),
        ),
      },
    });
  const resolve = (principal: Principal | null) => entities(ENTITIES, principal);

  it('resolves many candidates in one query, for any signed-in principal', async () => {
    const findByIds = jest.spyOn(useCases.queries, 'findByIds');
    const result = await resolve({ sub: 'juror', roles: ['JURY_MEMBER'] });
    expect(findByIds).toHaveBeenCalledTimes(1);
    expect(findByIds).toHaveBeenCalledWith(ids);
    expect((result.data?.['_entities'] as { lastName: string }[]).map((c) => c.lastName)).toEqual([
      'Un',
      'Deux',
      'Trois',
    ]);
    findByIds.mockRestore();
  });

  it('R10: hides accommodations from a juror (FORBIDDEN per field), shows them to a session manager', async () => {
    const juror = await resolve({ sub: 'juror', roles: ['JURY_MEMBER'] });
    expect(
      (juror.data?.['_entities'] as { accommodations: unknown }[]).map((c) => c.accommodations),
    ).toEqual([null, null, null]);
    expect(juror.errors?.map((e) => (e.originalError as { code?: string }).code)).toEqual([
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
    ]);

    const manager = await resolve({ sub: 'm', roles: ['SESSION_MANAGER'] });
    expect(manager.errors).toBeUndefined();
    expect(
      (manager.data?.['_entities'] as { accommodations: unknown }[])[0]?.accommodations,
    ).toEqual(['tiers-temps']);

    const self = await resolve({ sub: 'c', roles: ['CANDIDATE'], candidateId: ids[1] as string });
    expect(
      (self.data?.['_entities'] as { accommodations: unknown }[]).map((c) => c.accommodations),
    ).toEqual([null, ['tiers-temps'], null]);
  });

  describe('personal data through entity references', () => {
    const PERSONAL = parse(`query ($representations: [_Any!]!) {
      _entities(representations: $representations) {
        ... on Candidate { id firstName lastName email birthDate accommodations }
      }
    }`);
    type Seen = { lastName: string; email: string | null; birthDate: string | null };
    const resolvePersonal = async (principal: Principal) => {
      const result = await entities(PERSONAL, principal);
      return {
        seen: (result.data?.['_entities'] as Seen[]).map((c) => [c.lastName, c.email, c.birthDate]),
        codes: new Set(result.errors?.map((e) => (e.originalError as { code?: string }).code)),
      };
    };

    beforeAll(async () => {
      // sessions.registration.v1 told candidates: Un in Lyon, Deux in Nantes, Trois nowhere.
      const centers = new TypeOrmCandidateCenters(db.dataSource.manager);
      await centers.record({
        registrationId: 'r-1',
        candidateId: ids[0] as string,
        center: 'Lyon',
      });
      await centers.record({
        registrationId: 'r-2',
        candidateId: ids[1] as string,
        center: 'Nantes',
      });
      await centers.record({
        registrationId: 'r-2',
        candidateId: ids[1] as string,
        center: 'Nantes',
      });
    });

    it('a juror sees names only: email and birth date are FORBIDDEN', async () => {
      const { seen, codes } = await resolvePersonal({ sub: 'juror', roles: ['JURY_MEMBER'] });
      expect(seen).toEqual([
        ['Un', null, null],
        ['Deux', null, null],
        ['Trois', null, null],
      ]);
      expect(codes).toEqual(new Set(['FORBIDDEN']));
    });

    it('a manager with the centers claim sees the personal data of candidates registered there', async () => {
      const lyon = { sub: 'm', roles: ['SESSION_MANAGER' as const], centers: ['Lyon'] };
      const { seen } = await resolvePersonal(lyon);
      expect(seen).toEqual([
        ['Un', 'un@example.org', '1990-04-12'],
        ['Deux', null, null],
        ['Trois', null, null],
      ]);
    });

    it('a manager without the claim, and an admin, see everyone; a candidate themself', async () => {
      for (const principal of [
        { sub: 'm', roles: ['SESSION_MANAGER' as const] },
        { sub: 'a', roles: ['ADMIN' as const] },
      ]) {
        const { seen, codes } = await resolvePersonal(principal);
        expect(seen.map((c) => c[1])).toEqual([
          'un@example.org',
          'deux@example.org',
          'trois@example.org',
        ]);
        expect(codes.size).toBe(0);
      }
      const self = await resolvePersonal({
        sub: 'c',
        roles: ['CANDIDATE'],
        candidateId: ids[2] as string,
      });
      expect(self.seen.map((c) => c[1])).toEqual([null, null, 'trois@example.org']);
    });
  });

  it('refuses an anonymous reference', async () => {
    const result = await resolve(null);
    expect((result.errors?.[0]?.originalError as { code?: string }).code).toBe('UNAUTHENTICATED');
  });
});
