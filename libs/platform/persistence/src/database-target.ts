import { join } from 'node:path';

export interface MysqlTarget {
  kind: 'mysql';
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
}

export interface SqliteTarget {
  kind: 'sqlite';
  /** A file path, or ':memory:'. */
  file: string;
}

export type DatabaseTarget = MysqlTarget | SqliteTarget;

/** Each service owns its own database on the server: certif_referentials, certif_sessions… */
export function serviceDatabaseName(service: string, prefix = 'certif'): string {
  return `${prefix}_${service.replace(/[^a-z0-9]+/gi, '_').toLowerCase()}`;
}

/**
 * DATABASE_URL set → that service's own database on the MySQL/MariaDB server it names;
 * unset → an embedded SQLite file under the data folder.
 */
export function databaseTarget(
  service: string,
  databaseUrl: string | undefined,
  dataDir: string,
  /** Database names are `<prefix>_<service>`; tests use their own prefix. */
  prefix = 'certif',
): DatabaseTarget {
  if (!databaseUrl) return { kind: 'sqlite', file: join(dataDir, `${service}.sqlite`) };
  const url = new URL(databaseUrl);
  if (url.protocol !== 'mysql:') {
    throw new Error(`DATABASE_URL must start with mysql://; got ${url.protocol}//…`);
  }
  return {
    kind: 'mysql',
    host: url.hostname || '127.0.0.1',
    port: url.port ? Number(url.port) : 3306,
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
    database: serviceDatabaseName(service, prefix),
  };
}

/** For logs: where the data lives, without the password. */
export function describeTarget(target: DatabaseTarget): string {
  return target.kind === 'sqlite'
    ? `SQLite ${target.file}`
    : `MySQL ${target.user}@${target.host}:${target.port}/${target.database}`;
}
