import { execute, parse, type GraphQLSchema } from 'graphql';
import type { Principal } from '@certif/platform-auth';
import { fixedClock } from '@certif/platform-calendar';
import { Outbox } from '@certif/platform-events';
import { createLogger } from '@certif/platform-observability';
import { openTestDatabase, type TestDatabase } from '@certif/platform-persistence/testing';
import {
  createCandidatesLoaders,
  OutboxCandidateEvents,
  TypeOrmCandidatesUnitOfWork,
} from '@certif/candidates-adapters';
import { candidatesUseCases, type CandidatesUseCases } from '@certif/candidates-application';
import { candidatesSchema } from './candidates-schema';
import { buildCandidatesSchema } from './candidates-subgraph';

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
          await useCases.register.register({
            firstName: 'A',
            lastName,
            birthDate: null,
            email: null,
            accommodations: ['tiers-temps'],
          })
        ).id,
      );
    }
    schema = await buildCandidatesSchema(useCases);
  });
  afterAll(() => db.close());

  const resolve = (principal: Principal | null) =>
    execute({
      schema,
      document: ENTITIES,
      variableValues: { representations: ids.map((id) => ({ __typename: 'Candidate', id })) },
      contextValue: {
        principal,
        requestId: 'test',
        logger: createLogger({ service: 'test', level: 'silent' }),
        loaders: createCandidatesLoaders(useCases.queries),
      },
    });

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

  it('refuses an anonymous reference', async () => {
    const result = await resolve(null);
    expect((result.errors?.[0]?.originalError as { code?: string }).code).toBe('UNAUTHENTICATED');
  });
});
