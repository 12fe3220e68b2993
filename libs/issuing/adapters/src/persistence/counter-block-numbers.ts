import type { DataSource } from 'typeorm';
import { CredentialCounterRow } from './credential.row';
import type { CredentialNumbers } from './typeorm-credential.repository';

interface Block {
  next: number;
  last: number;
}

/**
 * Parchemin numbers (MySQL/MariaDB) without a lock held until the issuing transaction commits
 * (ADR 0016): a block of `blockSize` numbers of a prefix is reserved by one atomic upsert of the
 * prefix's counter row in a statement of its own (autocommit, its lock released at once), then
 * handed out from memory, in order. Two issuances never get the same number, in one process or
 * across replicas; a number taken by a transaction that rolls back, and what is left of a block
 * when the process stops, are never given: gaps.
 */
export class CounterBlockNumbers implements CredentialNumbers {
  private readonly blocks = new Map<string, Block>();
  private readonly reserving = new Map<string, Promise<void>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly blockSize = 1,
  ) {
    if (!Number.isInteger(blockSize) || blockSize < 1)
      throw new Error('numberBlockSize must be a positive integer');
  }

  async next(prefix: string): Promise<number> {
    for (;;) {
      const block = this.blocks.get(prefix);
      if (block && block.next <= block.last) return block.next++;
      let reserving = this.reserving.get(prefix);
      if (!reserving) {
        reserving = this.reserve(prefix).finally(() => this.reserving.delete(prefix));
        this.reserving.set(prefix, reserving);
      }
      await reserving;
    }
  }

  private async reserve(prefix: string): Promise<void> {
    const table = this.dataSource.getMetadata(CredentialCounterRow).tableName;
    const size = this.blockSize;
    // Outside any transaction: a pool connection in autocommit, so the row lock ends here.
    const result = (await this.dataSource.query(
      `INSERT INTO \`${table}\` (prefix, lastValue) VALUES (?, LAST_INSERT_ID(?)) ` +
        'ON DUPLICATE KEY UPDATE lastValue = LAST_INSERT_ID(lastValue + ?)',
      [prefix, size, size],
    )) as { insertId?: number | string };
    const last = Number(result.insertId);
    if (!Number.isInteger(last) || last < size)
      throw new Error(`the counter of ${prefix} gave no block (${String(result.insertId)})`);
    this.blocks.set(prefix, { next: last - size + 1, last });
  }
}
