import { QueryFailedError, type EntityManager } from 'typeorm';

export function isDuplicateKey(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string };
  return (
    driverError.code === 'ER_DUP_ENTRY' ||
    driverError.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    driverError.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/** SQLite transactions are serialized by runInTransaction; row locks are a MySQL/MariaDB matter. */
export function supportsRowLocks(manager: EntityManager): boolean {
  return manager.connection.options.type !== 'better-sqlite3';
}
