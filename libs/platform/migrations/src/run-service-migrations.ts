import { createConnection, type Connection, type RowDataPacket } from 'mysql2/promise';
import type { Logger } from '@certif/platform-observability';
import {
  databaseTarget,
  describeTarget,
  openDataSource,
  prepareMysqlDatabase,
  type MysqlTarget,
  type ServiceSchema,
} from '@certif/platform-persistence';

export interface RunServiceMigrationsOptions {
  service: string;
  schema: ServiceSchema;
  /** `DATABASE_URL`; unset means embedded SQLite, which has no migrations. */
  databaseUrl: string | undefined;
  /** Database names are `<prefix>_<service>` (default certif). */
  databasePrefix?: string;
  logger: Logger;
  /** How long to wait while another instance migrates the same database. */
  lockTimeoutSeconds?: number;
}

export type MigrationsReport =
  | { kind: 'migrated'; target: string; applied: string[]; alreadyApplied: number }
  | { kind: 'skipped'; reason: string };

const SQLITE_REASON =
  'DATABASE_URL is unset: embedded SQLite has no migrations (its schema follows the entities)';

/**
 * Brings one service's MySQL database up to date, once, however many instances start together.
 *
 * Every new pod of a version runs this before its service serves (an init container), so several
 * may run it at the same moment — on a first install, or when the autoscaler adds pods during a
 * rollout. MySQL DDL is not transactional, so two runners applying the same migration would leave
 * a half-made schema: a named server lock (GET_LOCK) lets one apply them while the others wait and
 * then find nothing pending.
 */
export async function runServiceMigrations(
  options: RunServiceMigrationsOptions,
): Promise<MigrationsReport> {
  const { service, logger } = options;
  const target = databaseTarget(service, options.databaseUrl, '', options.databasePrefix);
  if (target.kind !== 'mysql') return { kind: 'skipped', reason: SQLITE_REASON };
  await prepareMysqlDatabase(target);
  const lock = await connect(target);
  const lockName = `${target.database}.migrations`;
  try {
    await acquire(lock, lockName, options.lockTimeoutSeconds ?? 300, logger);
    const before = await executedMigrations(lock, target.database);
    // openDataSource applies the pending migrations (and only migrations) on MySQL.
    const dataSource = await openDataSource({ ...options.schema, target, poolSize: 2 });
    try {
      const after = await executedMigrations(lock, target.database);
      const applied = after.filter((name) => !before.includes(name));
      logger.info(
        { database: describeTarget(target), applied, alreadyApplied: before.length },
        applied.length > 0
          ? `${service}: ${applied.length} migration(s) applied`
          : `${service}: schema already current`,
      );
      return {
        kind: 'migrated',
        target: describeTarget(target),
        applied,
        alreadyApplied: before.length,
      };
    } finally {
      await dataSource.destroy();
    }
  } finally {
    // Closing the connection also releases the lock; releasing first is just quicker for waiters.
    await lock.query('SELECT RELEASE_LOCK(?)', [lockName]).catch(() => undefined);
    await lock.end();
  }
}

function connect(target: MysqlTarget): Promise<Connection> {
  return createConnection({
    host: target.host,
    port: target.port,
    user: target.user,
    password: target.password,
    connectTimeout: 10_000,
  });
}

async function acquire(
  lock: Connection,
  name: string,
  timeoutSeconds: number,
  logger: Logger,
): Promise<void> {
  const free = await scalar(lock, 'SELECT IS_FREE_LOCK(?) AS value', [name]);
  if (free !== 1)
    logger.info(`waiting for another instance to finish the migrations (lock ${name})`);
  const got = await scalar(lock, 'SELECT GET_LOCK(?, ?) AS value', [name, timeoutSeconds]);
  if (got !== 1) {
    throw new Error(
      `another instance has held the migration lock ${name} for more than ${timeoutSeconds} s; ` +
        'look for a stuck migration (SHOW PROCESSLIST) before retrying',
    );
  }
}

async function scalar(connection: Connection, sql: string, values: unknown[]): Promise<unknown> {
  const [rows] = await connection.query<RowDataPacket[]>(sql, values);
  const value = rows[0]?.['value'] as unknown;
  return typeof value === 'string' || typeof value === 'bigint' ? Number(value) : value;
}

/** Names recorded in TypeORM's `migrations` table; none before the first run. */
async function executedMigrations(connection: Connection, database: string): Promise<string[]> {
  try {
    const [rows] = await connection.query<RowDataPacket[]>(
      `SELECT name FROM \`${database}\`.\`migrations\` ORDER BY id`,
    );
    return rows.map((row) => String(row['name']));
  } catch (error) {
    if ((error as { code?: string }).code === 'ER_NO_SUCH_TABLE') return [];
    throw error;
  }
}
