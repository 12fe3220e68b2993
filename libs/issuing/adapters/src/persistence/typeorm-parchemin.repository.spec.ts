import { randomUUID } from 'node:crypto';
import { runInTransaction } from '@certif/platform-events';
import {
  describeOnEachDatabase,
  openTestDatabase,
  type TestDatabase,
} from '@certif/platform-persistence/testing';
import { pendingSchemaChanges } from '@certif/platform-persistence';
import type { Parchemin } from '@certif/issuing-domain';
import { Conflict } from '@certif/platform-errors';
import { parcheminContent } from '@certif/issuing-domain';
import { SEED_VERSIONS } from '@certif/issuing-domain/testing';
import { CredentialRow } from './credential.row';
import { issuingTables } from './issuing-migrations';
import { TypeOrmParcheminRepository } from './typeorm-parchemin.repository';

function parchemin(overrides: Partial<Parchemin> = {}): Parchemin {
  return {
    id: randomUUID(),
    number: `TP-CDA-2026-${randomUUID().slice(0, 6)}`,
    candidateId: 'candidate-1',
    lineageRootId: 'lineage-1',
    certificationId: 'lineage-1',
    specializationId: null,
    specializationKey: '',
    verificationCode: randomUUID().replace(/-/g, '').toUpperCase(),
    issuedOn: '2026-03-01',
    obtainedOn: '2026-02-20',
    issuedAt: new Date('2026-03-01T10:00:00.000Z'),
    status: 'VALID',
    content: parcheminContent(SEED_VERSIONS['001'], []),
    revokedAt: null,
    revokedBy: null,
    revocationReason: null,
    revokingDecisionId: null,
    ...overrides,
  };
}

describeOnEachDatabase('TypeOrmParcheminRepository', (dialect) => {
  let db: TestDatabase;
  let repository: TypeOrmParcheminRepository;

  beforeAll(async () => {
    db = await openTestDatabase(dialect, issuingTables);
    repository = new TypeOrmParcheminRepository(db.dataSource.manager);
  });
  afterAll(() => db.close());

  if (dialect === 'mysql') {
    it('has migrations that match the entities', async () => {
      expect(await pendingSchemaChanges(db.dataSource)).toEqual([]);
    });
  }

  it('reads a parchemin back exactly as written', async () => {
    const written = parchemin({ candidateId: 'reader' });
    await repository.insert(written);
    expect(await repository.findById(written.id)).toEqual(written);
    expect(await repository.findByVerificationCode(written.verificationCode)).toEqual(written);
  });

  it('refuses a second parchemin of the same title for the same candidate, but not a CCS of it', async () => {
    await repository.insert(parchemin({ candidateId: 'one' }));
    await expect(repository.insert(parchemin({ candidateId: 'one' }))).rejects.toBeInstanceOf(
      Conflict,
    );
    await repository.insert(
      parchemin({ candidateId: 'one', specializationKey: 'TP-CDA-CCS-IA', specializationId: 's' }),
    );
    expect(await db.dataSource.manager.countBy(CredentialRow, { candidateId: 'one' })).toBe(2);
  });

  it('R9: once one is revoked by a correction, a new VALID one may be issued, and only one', async () => {
    const first = parchemin({ candidateId: 'corrected' });
    await repository.insert(first);
    const withdrawn = {
      ...first,
      status: 'REVOKED' as const,
      revokedAt: new Date('2026-04-01T08:00:00.000Z'),
      revocationReason: 'décision rectifiée : titre non attribué',
      revokingDecisionId: 'decision-2',
    };
    expect(await repository.revoke(withdrawn)).toBe(true);
    const second = parchemin({ candidateId: 'corrected' });
    await repository.insert(second);
    await expect(repository.insert(parchemin({ candidateId: 'corrected' }))).rejects.toBeInstanceOf(
      Conflict,
    );
    const both = await repository.findByCandidates(['corrected']);
    expect(both).toHaveLength(2);
    expect(both).toEqual(expect.arrayContaining([withdrawn, second]));
  });

  it('two transactions issuing the same parchemin at once: one commits, the other is refused', async () => {
    const results = await Promise.allSettled(
      [1, 2].map(() =>
        runInTransaction(db.dataSource, (manager) =>
          new TypeOrmParcheminRepository(manager).insert(parchemin({ candidateId: 'race' })),
        ),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({
      reason: expect.any(Conflict),
    });
    expect(await db.dataSource.manager.countBy(CredentialRow, { candidateId: 'race' })).toBe(1);
  });

  it('numbers concurrent issuers of one prefix without a gap or a duplicate', async () => {
    const numbers = await Promise.all(
      Array.from({ length: 8 }, () =>
        runInTransaction(db.dataSource, (manager) =>
          new TypeOrmParcheminRepository(manager).nextSequence('TP-SEQ-2026'),
        ),
      ),
    );
    expect([...numbers].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await repository.nextSequence('RNCP36912-2026')).toBe(1);
  });

  it('revokes once, keeping the row and who, when and why', async () => {
    const written = parchemin({ candidateId: 'revoked' });
    await repository.insert(written);
    const revoked = {
      ...written,
      status: 'REVOKED' as const,
      revokedAt: new Date('2026-04-01T08:00:00.000Z'),
      revokedBy: 'manager-1',
      revocationReason: 'fraude constatée',
    };
    expect(await repository.revoke(revoked)).toBe(true);
    expect(await repository.revoke(revoked)).toBe(false);
    expect(await repository.findById(written.id)).toEqual(revoked);
  });
});
