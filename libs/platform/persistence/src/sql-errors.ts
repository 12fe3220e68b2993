import { QueryFailedError, type EntityManager } from 'typeorm';

/**
 * What the SQL engines say, read the same way on MySQL/MariaDB and SQLite. One copy for every
 * context: the copies this replaces disagreed (one missed primary-key clashes, one took any
 * SQLite constraint, NOT NULL included, for a duplicate).
 */

/** A unique or primary key already holds this value (a concurrent insert, a replayed event). */
export function isDuplicateKey(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: unknown; errno?: unknown } | undefined;
  const code = String(driverError?.code ?? '');
  return (
    code === 'ER_DUP_ENTRY' ||
    driverError?.errno === 1062 ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE'
  );
}

export function isMysql(manager: EntityManager): boolean {
  const type = manager.dataSource.options.type;
  return type === 'mysql' || type === 'mariadb';
}

/** Row locks exist on MySQL/MariaDB; SQLite transactions run one at a time (runInTransaction). */
export function supportsRowLocks(manager: EntityManager): boolean {
  return isMysql(manager);
}

/** A LIKE pattern for "contains `text`", `!` escaping wildcards the same way on both engines. */
export function likeContaining(text: string): string {
  return `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}
