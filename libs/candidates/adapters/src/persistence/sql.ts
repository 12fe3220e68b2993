import { QueryFailedError, type EntityManager } from 'typeorm';

export function isDuplicateKey(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string };
  return (
    driverError.code === 'ER_DUP_ENTRY' ||
    driverError.code?.startsWith('SQLITE_CONSTRAINT') === true
  );
}

/** `!` escapes LIKE wildcards the same way on MySQL and SQLite. */
export function likeContaining(text: string): string {
  return `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

/** Row locks exist on MySQL/MariaDB; SQLite transactions run one at a time (runInTransaction). */
export function supportsRowLocks(manager: EntityManager): boolean {
  return manager.connection.options.type !== 'better-sqlite3';
}
