// The use cases over the real adapters, on SQLite and MariaDB: transactions, the outbox, conflicts.
import { randomUUID } from 'node:crypto';
import { fixedClock } from '@certif/platform-calendar';
import { Conflict, InvalidInput, NotFound } from '@certif/platform-errors';
import { eventsSchema, Outbox, OutboxMessageEntity } from '@certif/platform-events';
import {
  describeOnEachDatabase,
  openTestDatabase,
  type TestDatabase,
} from '@certif/platform-persistence/testing';
import * as application from '@certif/referentials-application';
import type { CertificationState } from '@certif/referentials-contracts';
import { sampleDraft } from '@certif/referentials-domain/testing';
import { SEED_CERTIFICATIONS } from '@certif/referentials-seeds';
import { OutboxCertificationEvents } from './events/outbox-certification-events';
import { referentialsTables } from './persistence/referentials-migrations';
import { TypeOrmReferentialsUnitOfWork } from './persistence/referentials-unit-of-work';
import { TypeOrmCertificationRepository } from './persistence/typeorm-certification.repository';

interface Published {
  change: string;
  certification: CertificationState;
}

describeOnEachDatabase('referentials use cases on the database', (dialect) => {
  let db: TestDatabase;
  let deps: application.ReferentialsDependencies;
  let seen = 0;

  beforeAll(async () => {
    db = await openTestDatabase(dialect, {
      entities: [...(eventsSchema.entities as []), ...(referentialsTables.entities as [])],
      migrations: [...(eventsSchema.migrations as []), ...(referentialsTables.migrations as [])],
    });
    const outbox = new Outbox({ source: 'certif/referentials' });
    deps = {
      unitOfWork: new TypeOrmReferentialsUnitOfWork(
        db.dataSource,
        (manager) => new OutboxCertificationEvents(outbox, manager),
      ),
      clock: fixedClock('2026-06-05'),
      newId: randomUUID,
    };
  });
  afterAll(() => db.close());

  /** The events published since the last call, in order. */
  async function published(): Promise<{ change: string; code: string; status: string }[]> {
    const rows = await db.dataSource.getRepository(OutboxMessageEntity).find();
    const all = rows
      .sort((a, b) => a.seq - b.seq)
      .map((row) => (row.envelope as unknown as { data: Published }).data)
      .map(({ change, certification }) => ({
        change,
        code: certification.code,
        status: certification.status,
      }));
    const fresh = all.slice(seen);
    seen = all.length;
    return fresh;
  }

  it('creates a DRAFT, publishes, revises and closes it, one event per change', async () => {
    const draft = await new application.CreateCertificationService(deps).execute(
      sampleDraft({ code: 'UC-1' }),
    );
    expect(await published()).toEqual([]);
    const active = await new application.PublishCertificationService(deps).execute(draft.id);
    expect(active.version).toBe(2);
    const revised = await new application.ReviseCertificationService(deps).execute(active.id, {
      code: 'UC-2',
      title: null,
      registeredFrom: null,
      registeredUntil: null,
      components: [{ code: 'UC-2-CCP1', title: 'Tout', kind: 'CCP', competences: [] }],
      correspondences: [{ from: ['TP-CDA-CCP1', 'TP-CDA-CCP2', 'TP-CDA-CCP3'], to: 'UC-2-CCP1' }],
    });
    expect(revised).toMatchObject({ revisesId: active.id, version: 1 });
    await new application.CloseCertificationService(deps).execute(revised.id, '2026-12-31');
    expect(await published()).toEqual([
      { change: 'PUBLISHED', code: 'UC-1', status: 'ACTIVE' },
      { change: 'REVISED', code: 'UC-1', status: 'REVISED' },
      { change: 'REVISED', code: 'UC-2', status: 'ACTIVE' },
      { change: 'CLOSED', code: 'UC-2', status: 'ACTIVE' },
    ]);
    const queries = new application.CertificationQueries(deps.unitOfWork.reader, deps.clock);
    const old = await queries.find({ code: 'UC-1' });
    expect(old && queries.status(old)).toBe('REVISED');
  });

  it('refuses a taken code, and an unknown id with NotFound', async () => {
    await expect(
      new application.CreateCertificationService(deps).execute(sampleDraft({ code: 'UC-1' })),
    ).rejects.toMatchObject({ field: 'input.code' });
    await expect(
      new application.PublishCertificationService(deps).execute('nobody'),
    ).rejects.toBeInstanceOf(NotFound);
  });

  it('sets the certifier’s CPF identifiers once: the same again changes nothing', async () => {
    const setIds = new application.SetCertifierCpfIdentifiersService(deps);
    const current = await new application.CertificationQueries(
      deps.unitOfWork.reader,
      deps.clock,
    ).find({
      code: 'UC-2',
    });
    const ids = { cpfClientId: 'ABCD1234', cpfContractId: 'C-1' };
    const updated = await setIds.execute(current?.id ?? '', ids);
    expect(updated.version).toBe((current?.version ?? 0) + 1);
    expect(await setIds.execute(updated.id, ids)).toMatchObject({ version: updated.version });
    expect(await published()).toEqual([
      { change: 'CERTIFIER_UPDATED', code: 'UC-2', status: 'ACTIVE' },
    ]);
    await expect(setIds.execute(updated.id, { cpfClientId: '123' })).rejects.toBeInstanceOf(
      InvalidInput,
    );
  });

  it('reports a concurrent change and a code taken meanwhile as a Conflict', async () => {
    const repository = new TypeOrmCertificationRepository(db.dataSource.manager);
    const stored = await repository.findByCode('UC-2');
    if (!stored) throw new Error('UC-2 is missing');
    const stale = repository.update({ ...stored, version: stored.version });
    await expect(stale).rejects.toBeInstanceOf(Conflict);
    await expect(stale).rejects.toMatchObject({ field: 'id' });
    const taken = repository.insert({ ...stored, id: randomUUID(), components: [] });
    await expect(taken).rejects.toBeInstanceOf(Conflict);
    await expect(taken).rejects.toMatchObject({ field: 'input.code' });
  });

  it('loads the seed certifications once, published', async () => {
    const seeds = new application.LoadSeedCertificationsService(deps);
    const first = await seeds.execute(SEED_CERTIFICATIONS);
    expect(first.loaded).toHaveLength(SEED_CERTIFICATIONS.length);
    expect(await seeds.execute(SEED_CERTIFICATIONS)).toEqual({
      loaded: [],
      alreadyPresent: SEED_CERTIFICATIONS.map((seed) => seed.code),
    });
    expect((await published()).map((event) => event.change)).toEqual(
      SEED_CERTIFICATIONS.map(() => 'PUBLISHED'),
    );
  });
});
