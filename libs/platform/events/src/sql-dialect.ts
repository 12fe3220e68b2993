import type { DataSource } from 'typeorm';

export type SqlDialect = 'mysql' | 'sqlite';

export function dialectOf(dataSource: DataSource): SqlDialect {
  const type = dataSource.options.type;
  if (type === 'mysql' || type === 'mariadb') return 'mysql';
  if (type === 'better-sqlite3') return 'sqlite';
  throw new Error(`platform-events supports MySQL/MariaDB and SQLite, not ${type}`);
}

/**
 * A timestamp as a raw-query parameter. mysql2 writes a Date in UTC (the data source's timezone
 * is 'Z'); better-sqlite3 cannot bind a Date, and TypeORM stores SQLite datetimes as UTC text.
 */
export function sqlTime(dialect: SqlDialect, date: Date): Date | string {
  return dialect === 'mysql' ? date : date.toISOString().replace('T', ' ').replace('Z', '');
}

/** A timestamp read by a raw query: a Date on MySQL, UTC text on SQLite. */
export function readSqlTime(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  const text = String(value);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
}

/** `?, ?, ?` for an IN list. */
export function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}

/** A JSON column read by a raw query: parsed already by mysql2 on MySQL, text elsewhere. */
export function readJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
