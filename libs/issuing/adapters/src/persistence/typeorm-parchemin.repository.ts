import { In, Like, type EntityManager } from 'typeorm';
import type { EventBatch } from '@certif/platform-events';
import type { Parchemin } from '@certif/issuing-domain';
import { concurrentChange, type ParcheminRepository } from '@certif/issuing-application';
import { isDuplicateKey, isMysql } from '@certif/platform-persistence';
import { CredentialCounterRow, CredentialRow } from './credential.row';
import { toCredentialRow, toParchemin } from './parchemin.mapper';
import { readLock } from './read-lock';
import { BatchReadAhead, byCandidate } from './batch-read-ahead';

/** Where parchemin numbers come from when not from the counter row in the transaction. */
export interface ParcheminNumbers {
  next(prefix: string): Promise<number>;
}

export class TypeOrmParcheminRepository implements ParcheminRepository {
  constructor(
    private readonly manager: EntityManager,
    private readonly lock = false,
    private readonly numbers?: ParcheminNumbers,
    /** A batch's read-ahead of its candidates' parchemins (see BatchReadAhead). */
    private readonly readAhead?: BatchReadAhead<Parchemin[]>,
    /** The consumer's batch: new parchemins are then written together before commit. */
    private readonly batch?: EventBatch,
  ) {}

  private readonly pending: CredentialRow[] = [];

  /** The batch's new parchemins, in one INSERT; before any read, and before commit. */
  private async flush(): Promise<void> {
    const rows = this.pending.splice(0);
    if (rows.length === 0) return;
    try {
      await this.manager.insert(CredentialRow, rows);
    } catch (error) {
      // Another transaction issued one of them first: the batch must not issue a second VALID.
      if (isDuplicateKey(error)) throw concurrentChange('a parchemin of the batch');
      throw error;
    }
  }

  async findById(id: string): Promise<Parchemin | null> {
    return (await this.findByIds([id]))[0] ?? null;
  }

  async findByIds(ids: readonly string[]): Promise<Parchemin[]> {
    if (ids.length === 0) return [];
    await this.flush();
    return (
      await this.manager.find(CredentialRow, {
        where: { id: In([...new Set(ids)]) },
        ...readLock(this.lock),
      })
    ).map(toParchemin);
  }

  async revokedNumbers(prefix: string): Promise<string[]> {
    await this.flush();
    // LIKE's wildcards differ in escaping between MySQL and SQLite: `_` in a prefix may match
    // more here, and the exact prefix is checked below.
    const rows = await this.manager.find(CredentialRow, {
      select: { number: true },
      where: { number: Like(`${prefix}-%`), status: 'REVOKED' },
    });
    return rows.map((row) => row.number).filter((number) => number.startsWith(`${prefix}-`));
  }

  async findByVerificationCode(code: string): Promise<Parchemin | null> {
    await this.flush();
    const row = await this.manager.findOne(CredentialRow, {
      where: { verificationCode: code },
      ...readLock(this.lock),
    });
    return row ? toParchemin(row) : null;
  }

  async findByCandidates(candidateIds: readonly string[]): Promise<Parchemin[]> {
    if (!this.readAhead || candidateIds.length === 0) return this.readByCandidates(candidateIds);
    const each = await this.readAhead.of(candidateIds, async (ids) =>
      byCandidate(ids, await this.readByCandidates(ids)),
    );
    return each.flat();
  }

  private async readByCandidates(candidateIds: readonly string[]): Promise<Parchemin[]> {
    if (candidateIds.length === 0) return [];
    await this.flush();
    const rows = await this.manager.find(CredentialRow, {
      where: { candidateId: In([...new Set(candidateIds)]) },
      order: { issuedAt: 'ASC', number: 'ASC' },
      ...readLock(this.lock),
    });
    return rows.map(toParchemin);
  }

  /**
   * From `numbers` when given (on MySQL: blocks reserved outside the transaction, ADR 0019).
   * Otherwise one atomic upsert per number in the transaction: the row lock it takes makes
   * concurrent issuers of the same prefix wait for each other until commit, so no two
   * transactions get the same number; a rolled-back transaction leaves a gap, never a duplicate.
   * On MySQL the upsert also hands the new value back (LAST_INSERT_ID), sparing a SELECT.
   */
  async nextSequence(prefix: string): Promise<number> {
    if (this.numbers) return this.numbers.next(prefix);
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
    const row = toCredentialRow(parchemin);
    if (this.batch && this.readAhead) {
      this.pending.push(row);
      this.readAhead.change(parchemin.candidateId, (known) => [...known, parchemin]);
      this.batch.beforeCommit('issuing parchemins', () => this.flush());
      return;
    }
    try {
      await this.manager.insert(CredentialRow, row);
    } catch (error) {
      // Another transaction issued this parchemin first: this one must not issue a second VALID.
      if (isDuplicateKey(error))
        throw concurrentChange(`the parchemin of candidate ${parchemin.candidateId}`);
      throw error;
    }
  }

  async revoke(parchemin: Parchemin): Promise<boolean> {
    await this.flush();
    this.readAhead?.forget(parchemin.candidateId);
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
