import { In, Like, type EntityManager } from 'typeorm';
import type { Parchemin } from '@certif/issuing-domain';
import { concurrentChange, type ParcheminRepository } from '@certif/issuing-application';
import { isDuplicateKey, isMysql } from '@certif/platform-persistence';
import { CredentialCounterRow, CredentialRow } from './credential.row';
import { toCredentialRow, toParchemin } from './parchemin.mapper';
import { readLock } from './read-lock';

export class TypeOrmParcheminRepository implements ParcheminRepository {
  constructor(
    private readonly manager: EntityManager,
    private readonly lock = false,
  ) {}

  async findById(id: string): Promise<Parchemin | null> {
    return (await this.findByIds([id]))[0] ?? null;
  }

  async findByIds(ids: readonly string[]): Promise<Parchemin[]> {
    if (ids.length === 0) return [];
    return (
      await this.manager.find(CredentialRow, {
        where: { id: In([...new Set(ids)]) },
        ...readLock(this.lock),
      })
    ).map(toParchemin);
  }

  async revokedNumbers(prefix: string): Promise<string[]> {
    // LIKE's wildcards differ in escaping between MySQL and SQLite: `_` in a prefix may match
    // more here, and the exact prefix is checked below.
    const rows = await this.manager.find(CredentialRow, {
      select: { number: true },
      where: { number: Like(`${prefix}-%`), status: 'REVOKED' },
    });
    return rows.map((row) => row.number).filter((number) => number.startsWith(`${prefix}-`));
  }

  async findByVerificationCode(code: string): Promise<Parchemin | null> {
    const row = await this.manager.findOne(CredentialRow, {
      where: { verificationCode: code },
      ...readLock(this.lock),
    });
    return row ? toParchemin(row) : null;
  }

  async findByCandidates(candidateIds: readonly string[]): Promise<Parchemin[]> {
    if (candidateIds.length === 0) return [];
    const rows = await this.manager.find(CredentialRow, {
      where: { candidateId: In([...new Set(candidateIds)]) },
      order: { issuedAt: 'ASC', number: 'ASC' },
      ...readLock(this.lock),
    });
    return rows.map(toParchemin);
  }

  /**
   * One atomic upsert per number: the row lock it takes makes concurrent issuers of the same
   * prefix wait for each other, so no two transactions get the same number; a rolled-back
   * transaction leaves a gap, never a duplicate. The lock lasts until the issuing transaction
   * commits, so parchemins of one prefix are issued one after the other: on MySQL the upsert
   * also hands the new value back (LAST_INSERT_ID), sparing a SELECT under the lock.
   */
  async nextSequence(prefix: string): Promise<number> {
    const table = this.manager.dataSource.getMetadata(CredentialCounterRow).tableName;
    if (isMysql(this.manager)) {
      const result = (await this.manager.query(
        `INSERT INTO \`${table}\` (prefix, lastValue) VALUES (?, LAST_INSERT_ID(1)) ` +
          'ON DUPLICATE KEY UPDATE lastValue = LAST_INSERT_ID(lastValue + 1)',
        [prefix],
      )) as { insertId?: number | string };
      return Number(result.insertId);
    }
    await this.manager.query(
      `INSERT INTO "${table}" (prefix, lastValue) VALUES (?, 1) ON CONFLICT(prefix) DO UPDATE SET lastValue = lastValue + 1`,
      [prefix],
    );
    return (await this.manager.findOneByOrFail(CredentialCounterRow, { prefix })).lastValue;
  }

  async insert(parchemin: Parchemin): Promise<void> {
    try {
      await this.manager.insert(CredentialRow, toCredentialRow(parchemin));
    } catch (error) {
      // Another transaction issued this parchemin first: this one must not issue a second VALID.
      if (isDuplicateKey(error))
        throw concurrentChange(`the parchemin of candidate ${parchemin.candidateId}`);
      throw error;
    }
  }

  async revoke(parchemin: Parchemin): Promise<boolean> {
    const result = await this.manager.update(
      CredentialRow,
      { id: parchemin.id, status: 'VALID' },
      {
        status: 'REVOKED',
        validKey: null,
        revokingDecisionId: parchemin.revokingDecisionId,
        revokedAt: parchemin.revokedAt,
        revokedBy: parchemin.revokedBy,
        revocationReason: parchemin.revocationReason,
      },
    );
    return (result.affected ?? 0) > 0;
  }
}
