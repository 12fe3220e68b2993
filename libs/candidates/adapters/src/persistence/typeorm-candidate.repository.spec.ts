import { pendingSchemaChanges } from '@certif/platform-persistence';
import {
  describeOnEachDatabase,
  openTestDatabase,
  type TestDatabase,
} from '@certif/platform-persistence/testing';
import { sampleCandidate, sampleEnrollment } from '@certif/candidates-domain/testing';
import { erase, type Candidate, type Enrollment } from '@certif/candidates-domain';
import { sortKeyOf } from '@certif/candidates-application';
import { candidatesTables } from './candidates-migrations';
import { TypeOrmCandidateRepository } from './typeorm-candidate.repository';

const people: [string, string, string][] = [
  ['c-01', 'Émilie', 'Durand'],
  ['c-02', 'anne', 'durand'],
  ['c-03', 'Léa', 'Martin'],
  ['c-04', 'Aïssatou', "N'Diaye"],
  ['c-05', 'Zoé', 'Éluard'],
  ['c-06', 'Hugo', 'Martin'],
  ['c-07', 'Léa', 'Martin'],
];

describeOnEachDatabase('TypeOrmCandidateRepository', (dialect) => {
  let db: TestDatabase;
  let repository: TypeOrmCandidateRepository;

  beforeAll(async () => {
    db = await openTestDatabase(dialect, candidatesTables);
    repository = new TypeOrmCandidateRepository(db.dataSource.manager);
    for (const [id, firstName, lastName] of people) {
      await repository.insert(
        sampleCandidate({ id, firstName, lastName, email: `${id}@example.fr` }),
      );
    }
  });
  afterAll(() => db.close());

  if (dialect === 'mysql') {
    it('has migrations that match the entities', async () => {
      expect(await pendingSchemaChanges(db.dataSource)).toEqual([]);
    });
  }

  it('reads back a candidate exactly as written: dates, instants, accommodations', async () => {
    const candidate = sampleCandidate({
      id: 'c-read',
      lastName: 'Lefèvre',
      accommodations: ['tiers-temps', 'salle au rez-de-chaussée'],
      registeredAt: new Date('2026-03-04T05:06:07.089Z'),
    });
    await repository.insert(candidate);
    expect(await repository.findById('c-read')).toEqual(candidate);
    const locked = await db.dataSource.transaction((manager) =>
      new TypeOrmCandidateRepository(manager).lock('c-read'),
    );
    expect(locked).toEqual(candidate);
  });

  it('updates optimistically: a stale version is refused and changes nothing', async () => {
    const current = (await repository.findById('c-03')) as Candidate;
    await repository.update({ ...current, email: 'new@example.fr', version: current.version + 1 });
    await expect(
      repository.update({ ...current, email: 'stale@example.fr', version: current.version + 1 }),
    ).rejects.toThrow(/changed by someone else/);
    expect((await repository.findById('c-03'))?.email).toBe('new@example.fr');
  });

  it('stores enrolments with their VAE notice and reads those of several candidates at once', async () => {
    const vae = sampleEnrollment({
      id: 'e-vae',
      candidateId: 'c-01',
      pathway: 'VAE',
      enrolledAt: new Date('2026-01-02T00:00:00.000Z'),
    });
    await repository.insertEnrollment(vae);
    const recorded: Enrollment = {
      ...vae,
      vaeAdmissibility: {
        noticeNumber: 'DREETS-2025-17',
        issuedOn: '2025-12-01',
        issuedBy: 'DREETS Bretagne',
        experienceYears: 3.5,
        requiredExperienceYears: 3,
        recordedAt: new Date('2026-01-03T10:11:12.130Z'),
      },
    };
    await repository.updateEnrollment(recorded);
    const other = sampleEnrollment({
      id: 'e-other',
      candidateId: 'c-02',
      enrolledAt: new Date('2026-01-01T00:00:00.000Z'),
    });
    await repository.insertEnrollment(other);
    expect(await repository.findEnrollment('e-vae')).toEqual(recorded);
    expect((await repository.enrollmentsOf(['c-01', 'c-02'])).map((e) => e.id)).toEqual([
      'e-other',
      'e-vae',
    ]);
    expect(await repository.enrollmentsOf('c-05')).toEqual([]);
  });

  it.each`
    search                | ids
    ${'durand'}           | ${['c-02', 'c-01']}
    ${'EMILIE'}           | ${['c-01']}
    ${'lea martin'}       | ${['c-03', 'c-07']}
    ${"n'diaye aissatou"} | ${['c-04']}
    ${'éluard'}           | ${['c-05']}
    ${'%'}                | ${[]}
    ${'nobody'}           | ${[]}
  `('searches "$search" ignoring case and accents', async ({ search, ids }) => {
    const page = await repository.search({ search, first: 100, after: null });
    expect(page.items.map((c) => c.id)).toEqual(ids);
    expect(page.totalCount).toBe(ids.length);
  });

  it('pages by last name, first name, id with a keyset cursor', async () => {
    const seen: string[] = [];
    let after = null;
    for (;;) {
      const page = await repository.search({ search: 'a', first: 2, after });
      seen.push(...page.items.map((c) => c.id));
      if (!page.hasNextPage) break;
      after = sortKeyOf(page.items.at(-1) as Candidate);
    }
    // durand anne, durand émilie, éluard zoé, lefèvre léa, martin hugo, martin léa ×2, n'diaye
    expect(seen).toEqual(['c-02', 'c-01', 'c-05', 'c-read', 'c-06', 'c-03', 'c-07', 'c-04']);
  });

  it('R13: an erased candidate matches no name search any more, but keeps its enrolments', async () => {
    const before = (await repository.findById('c-01')) as Candidate;
    await repository.update(erase(before, new Date('2026-11-22T10:00:00.000Z')) as Candidate);
    expect((await repository.search({ search: 'emilie', first: 10, after: null })).items).toEqual(
      [],
    );
    expect((await repository.search({ search: 'candidat', first: 10, after: null })).items).toEqual(
      [],
    );
    expect(await repository.findById('c-01')).toMatchObject({
      firstName: 'Candidat·e',
      email: null,
      accommodations: [],
    });
    expect((await repository.enrollmentsOf('c-01')).map((e) => e.id)).toEqual(['e-vae']);
  });

  it('finds several candidates and enrolments by id in one call each', async () => {
    expect((await repository.findByIds(['c-04', 'c-05', 'nope'])).map((c) => c.id).sort()).toEqual([
      'c-04',
      'c-05',
    ]);
    expect(
      (await repository.findEnrollmentsByIds(['e-vae', 'e-other'])).map((e) => e.id).sort(),
    ).toEqual(['e-other', 'e-vae']);
  });
});
