import { DataSource, type DataSourceOptions } from 'typeorm';
import { CredentialCounterRow } from './credential.row';
import type { ParcheminNumbers } from './typeorm-parchemin.repository';

interface Block {
  next: number;
  last: number;
}

/**
 * Parchemin numbers (MySQL/MariaDB) without a lock held until the issuing transaction commits
 * (ADR 0019): a block of `blockSize` numbers of a prefix is reserved by one atomic upsert of the
 * prefix's counter row in a statement of its own (autocommit, its lock released at once), then
 * handed out from memory, in order. Two issuances never get the same number, in one process or
 * across replicas; a number taken by a transaction that rolls back, and what is left of a block
 * when the process stops, are never given: gaps.
 *
 * The upserts run on a connection of their own (`open`): an issuing transaction holds a
 * connection of the service's pool while it asks for a number, and transactions that filled the
 * pool would otherwise wait for each other forever.
 */
export class CounterBlockNumbers implements ParcheminNumbers {
  private readonly blocks = new Map<string, Block>();
  private readonly reserving = new Map<string, Promise<void>>();

  private constructor(
    private readonly counter: DataSource,
    private readonly blockSize: number,
  ) {}

  /** A one-connection pool beside `dataSource`'s, on the same database. */
  static async open(dataSource: DataSource, blockSize = 10): Promise<CounterBlockNumbers> {
    if (!Number.isInteger(blockSize) || blockSize < 1)
      throw new Error('numberBlockSize must be a positive integer');
    const counter = new DataSource({
      ...dataSource.options,
      poolSize: 1,
      entities: [CredentialCounterRow],
      migrations: [],
      subscribers: [],
      migrationsRun: false,
      synchronize: false,
      logging: false,
    } as DataSourceOptions);
    await counter.initialize();
    return new CounterBlockNumbers(counter, blockSize);
  }

  async close(): Promise<void> {
    if (this.counter.isInitialized) await this.counter.destroy();
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
    const table = this.counter.getMetadata(CredentialCounterRow).tableName;
    const size = this.blockSize;
    // Outside any transaction (autocommit): the row lock ends with the statement.
    const result = (await this.counter.query(
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
