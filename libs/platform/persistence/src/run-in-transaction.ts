import type { DataSource, EntityManager } from 'typeorm';

/** One queue per SQLite data source. */
const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();
const warned = new WeakSet<DataSource>();

export interface TransactionOptions {
  /** MySQL/MariaDB only; SQLite transactions are serializable. */
  isolation?: 'READ COMMITTED' | 'REPEATABLE READ';
  logger?: { warn(message: string): void };
}

function isSqlite(dataSource: DataSource): boolean {
  return dataSource.options.type === 'better-sqlite3';
}

/**
 * `dataSource.transaction`, made safe on SQLite. TypeORM's SQLite drivers share a single
 * connection: two transactions started concurrently do not wait for each other, the second one
 * becomes a SAVEPOINT inside the first — it sees the first one's uncommitted rows and is rolled
 * back with it. So on SQLite, transactions started here run one at a time. A service running on
 * SQLite must start its own transactions through this function too (the outbox relay would
 * otherwise see — and could send — rows of a transaction that later rolls back).
 */
export async function runInTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  if (!isSqlite(dataSource)) {
    return options.isolation
      ? dataSource.transaction(options.isolation, work)
      : dataSource.transaction(work);
  }
  const previous = sqliteQueues.get(dataSource) ?? Promise.resolve();
  const run = previous.then(async () => {
    // A transaction started elsewhere without this function: wait until it is over rather
    // than nest into it. Checked and started in one synchronous step (see startTransaction).
    const runner = dataSource.createQueryRunner();
    while (runner.isTransactionActive) {
      if (!warned.has(dataSource)) {
        warned.add(dataSource);
        options.logger?.warn(
          'a SQLite transaction was started outside runInTransaction; waiting for it to end',
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    return dataSource.transaction(work);
  });
  sqliteQueues.set(
    dataSource,
    run.catch(() => undefined),
  );
  return run;
}
