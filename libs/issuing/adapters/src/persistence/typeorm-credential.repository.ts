import { In, Like, type EntityManager } from 'typeorm';
import type { EventBatch } from '@certif/platform-events';
import type { CredentialStatus } from '@certif/issuing-domain';
import {
  ConcurrentChange,
  type CredentialRepository,
  type StoredCredential,
} from '@certif/issuing-application';
import { CredentialCounterRow, CredentialRow } from './credential.row';
import { readLock } from './read-lock';
import { BatchReadAhead, byCandidate } from './batch-read-ahead';
import { isDuplicateKey, isMysql } from '@certif/platform-persistence';

/** Where parchemin numbers come from when not from the counter row in the transaction. */
export interface CredentialNumbers {
  next(prefix: string): Promise<number>;
}

function toCredential({ validKey: _key, ...row }: CredentialRow): StoredCredential {
  return { ...row, status: row.status as CredentialStatus };
}

export class TypeOrmCredentialRepository implements CredentialRepository {
  constructor(
    private readonly manager: EntityManager,
    private readonly lock = false,
    private readonly numbers?: CredentialNumbers,
    /** A batch's read-ahead of its candidates' parchemins (see BatchReadAhead). */
    private readonly readAhead?: BatchReadAhead<StoredCredential[]>,
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
      if (isDuplicateKey(error)) throw new ConcurrentChange('a parchemin of the batch');
      throw error;
    }
  }

  async findById(id: string): Promise<StoredCredential | null> {
    return (await this.findByIds([id]))[0] ?? null;
  }

  async findByIds(ids: readonly string[]): Promise<StoredCredential[]> {
    if (ids.length === 0) return [];
    await this.flush();
    return (
      await this.manager.find(CredentialRow, {
        where: { id: In([...new Set(ids)]) },
        ...readLock(this.lock),
      })
    ).map(toCredential);
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

  async findByVerificationCode(code: string): Promise<StoredCredential | null> {
    await this.flush();
    const row = await this.manager.findOne(CredentialRow, {
      where: { verificationCode: code },
      ...readLock(this.lock),
    });
    return row ? toCredential(row) : null;
  }

  async findByCandidates(candidateIds: readonly string[]): Promise<StoredCredential[]> {
    if (!this.readAhead || candidateIds.length === 0) return this.readByCandidates(candidateIds);
    const each = await this.readAhead.of(candidateIds, async (ids) =>
      byCandidate(ids, await this.readByCandidates(ids)),
    );
    return each.flat();
  }

  private async readByCandidates(candidateIds: readonly string[]): Promise<StoredCredential[]> {
    if (candidateIds.length === 0) return [];
    await this.flush();
    const rows = await this.manager.find(CredentialRow, {
      where: { candidateId: In([...new Set(candidateIds)]) },
      order: { issuedAt: 'ASC', number: 'ASC' },
      ...readLock(this.lock),
    });
    return rows.map(toCredential);
  }

  /**
   * From `numbers` when given (on MySQL: blocks reserved outside the transaction, ADR 0016).
   * Otherwise one atomic upsert per number in the transaction: the row lock it takes makes
   * concurrent issuers of the same prefix wait for each other until commit, so no two
   * transactions get the same number; a rolled-back transaction leaves a gap, never a duplicate.
   * On MySQL the upsert also hands the new value back (LAST_INSERT_ID), sparing a SELECT.
   */
  async nextSequence(prefix: string): Promise<number> {
    if (this.numbers) return this.numbers.next(prefix);
    const table = this.manager.connection.getMetadata(CredentialCounterRow).tableName;
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

  async insert(credential: StoredCredential): Promise<void> {
    const row: CredentialRow = {
      ...credential,
      validKey: credential.status === 'VALID' ? credential.specializationKey : null,
    };
    if (this.batch && this.readAhead) {
      this.pending.push(row);
      this.readAhead.change(credential.candidateId, (known) => [...known, credential]);
      this.batch.beforeCommit('issuing parchemins', () => this.flush());
      return;
    }
    try {
      await this.manager.insert(CredentialRow, row);
    } catch (error) {
      // Another transaction issued this parchemin first: this one must not issue a second VALID.
      if (isDuplicateKey(error))
        throw new ConcurrentChange(`the parchemin of candidate ${credential.candidateId}`);
      throw error;
    }
  }

  async revoke(credential: StoredCredential): Promise<boolean> {
    await this.flush();
    this.readAhead?.forget(credential.candidateId);
    const result = await this.manager.update(
      CredentialRow,
      { id: credential.id, status: 'VALID' },
      {
        status: 'REVOKED',
        validKey: null,
        revokingDecisionId: credential.revokingDecisionId,
        revokedAt: credential.revokedAt,
        revokedBy: credential.revokedBy,
        revocationReason: credential.revocationReason,
      },
    );
    return (result.affected ?? 0) > 0;
  }
}
