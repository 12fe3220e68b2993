import { randomUUID } from 'node:crypto';
import {
  describeOnEachDatabase,
  openTestDatabase,
  type TestDatabase,
} from '@certif/platform-persistence/testing';
import { pendingSchemaChanges } from '@certif/platform-persistence';
import { SEED_CERTIFICATIONS } from '@certif/referentials-seeds';
import { publishedFromDraft, sampleDraft } from '@certif/referentials-domain/testing';
import type { Certification } from '@certif/referentials-domain';
import { TypeOrmCertificationRepository } from './typeorm-certification.repository';
import { referentialsTables } from './referentials-migrations';

function withFreshIds(certification: Certification): Certification {
  return {
    ...certification,
    id: randomUUID(),
    components: certification.components.map((c) => ({ ...c, id: randomUUID() })),
    specializations: certification.specializations.map((s) => ({ ...s, id: randomUUID() })),
  };
}

describeOnEachDatabase('TypeOrmCertificationRepository', (dialect) => {
  let db: TestDatabase;
  let repository: TypeOrmCertificationRepository;
  const seeds = SEED_CERTIFICATIONS.map((draft) => withFreshIds(publishedFromDraft(draft)));

  beforeAll(async () => {
    db = await openTestDatabase(dialect, referentialsTables);
    repository = new TypeOrmCertificationRepository(db.dataSource.manager);
    for (const seed of seeds) await repository.insert(seed);
    await repository.insert(
      withFreshIds(publishedFromDraft(sampleDraft({ code: 'DRAFT-1' }), { publishedAt: null })),
    );
  });
  afterAll(() => db.close());

  if (dialect === 'mysql') {
    it('has migrations that match the entities', async () => {
      expect(await pendingSchemaChanges(db.dataSource)).toEqual([]);
    });
  }

  it('reads back a certification exactly as written, components in order', async () => {
    const seed = seeds[4] as Certification;
    const found = await repository.findByCode(seed.code);
    // The seeds leave the Caisse des Dépôts identifiers empty: they read back as null.
    expect(found).toEqual({
      ...seed,
      certifier: { ...seed.certifier, cpfClientId: null, cpfContractId: null },
    });
  });

  it("keeps the certifier's identifiers with the Caisse des Dépôts", async () => {
    const current = (await repository.findByCode('RNCP36912')) as Certification;
    const certifier = {
      ...current.certifier,
      cpfClientId: 'OC123456',
      cpfContractId: 'MCFCER0001',
    };
    await repository.update({ ...current, certifier, version: current.version + 1 });
    expect((await repository.findByCode('RNCP36912'))?.certifier).toEqual(certifier);
  });

  it('refuses a second certification with a taken code, naming the field', async () => {
    const duplicate = withFreshIds({ ...(seeds[0] as Certification) });
    await expect(repository.insert(duplicate)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.code',
    });
  });

  it('updates optimistically: a stale version is refused', async () => {
    const current = (await repository.findByCode('TP-DL')) as Certification;
    await repository.update({
      ...current,
      registeredUntil: '2030-01-01',
      version: current.version + 1,
    });
    await expect(
      repository.update({
        ...current,
        registeredUntil: '2031-01-01',
        version: current.version + 1,
      }),
    ).rejects.toThrow(/changed by someone else/);
    expect((await repository.findByCode('TP-DL'))?.registeredUntil).toBe('2030-01-01');
  });

  it.each`
    filter                            | codes
    ${{ search: 'developpeur web' }}  | ${['TP-DWWM']}
    ${{ search: 'DÉVELOPPEMENT' }}    | ${['RNCP36912']}
    ${{ search: '50%' }}              | ${[]}
    ${{ level: 5 }}                   | ${['RNCP28754', 'TP-DL', 'TP-DWWM']}
    ${{ romeCode: 'M1802' }}          | ${['RNCP36912']}
    ${{ certifier: 'openclass' }}     | ${['RNCP36912']}
    ${{ status: 'CLOSED' }}           | ${['RNCP28754', 'RNCP36912']}
    ${{ status: 'DRAFT' }}            | ${['DRAFT-1']}
    ${{ status: 'ACTIVE', level: 6 }} | ${['TP-CDA']}
  `('filters $filter', async ({ filter, codes }) => {
    const page = await repository.list(filter, '2026-11-22', { first: 100, afterCode: null });
    expect(page.items.map((c) => c.code)).toEqual(codes);
    expect(page.totalCount).toBe(codes.length);
  });

  it('pages by code with a keyset cursor', async () => {
    const first = await repository.list({}, '2026-11-22', { first: 2, afterCode: null });
    expect(first.items.map((c) => c.code)).toEqual(['DRAFT-1', 'RNCP28754']);
    expect(first).toMatchObject({ totalCount: 6, hasNextPage: true });
    const last = await repository.list({}, '2026-11-22', { first: 10, afterCode: 'TP-CDA' });
    expect(last.items.map((c) => c.code)).toEqual(['TP-DL', 'TP-DWWM']);
    expect(last.hasNextPage).toBe(false);
  });

  it('finds components of several certifications in one call', async () => {
    const ids = [seeds[0]!.components[0]!.id, seeds[3]!.components[4]!.id];
    const components = await repository.findComponentsByIds(ids);
    expect(components.map((c) => c.code).sort()).toEqual(['RNCP28754BC05', 'TP-DL-CCP1']);
  });
});
