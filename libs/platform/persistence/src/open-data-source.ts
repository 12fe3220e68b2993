import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, type DataSourceOptions, type MixedList, type EntitySchema } from 'typeorm';
import type { DatabaseTarget, MysqlTarget } from './database-target';
import { prepareMysqlDatabase } from './mysql-server';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type EntityClasses = MixedList<Function | string | EntitySchema>;
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type MigrationClasses = MixedList<Function | string>;

export interface ServiceSchema {
  /** TypeORM entity classes of the service (its own tables, its outbox and inbox). */
  entities: EntityClasses;
  /** Migrations for MySQL/MariaDB, in order. */
  migrations: MigrationClasses;
}

export interface OpenDataSourceOptions extends ServiceSchema {
  target: DatabaseTarget;
  /** Connection pool size on MySQL. */
  poolSize?: number;
  /** Log every SQL statement (debugging, statement counts in benchmarks). */
  logging?: boolean;
}

/**
 * How every service connects to MySQL/MariaDB (`isMariaDb` as prepareMysqlDatabase finds the
 * server): utf8mb4, UTC, and DATE columns as strings.
 */
export function mysqlConnectionOptions(target: MysqlTarget, isMariaDb: boolean) {
  return {
    type: isMariaDb ? ('mariadb' as const) : ('mysql' as const),
    host: target.host,
    port: target.port,
    username: target.user,
    password: target.password,
    database: target.database,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    // DATE columns stay "YYYY-MM-DD" strings: no time zone may shift a decision date.
    dateStrings: ['DATE'],
  };
}

/**
 * Opens a service's data source and brings its schema up to date.
 * MySQL/MariaDB: the database is created if missing and the schema is managed by migrations only,
 * never `synchronize` (ADR 0003). Embedded SQLite is a development store whose schema follows the
 * entities (`synchronize`), because it holds nothing that must survive a version change.
 */
export async function openDataSource(options: OpenDataSourceOptions): Promise<DataSource> {
  const { target } = options;
  let config: DataSourceOptions;
  if (target.kind === 'mysql') {
    const server = await prepareMysqlDatabase(target);
    config = {
      ...mysqlConnectionOptions(target, server.isMariaDb),
      poolSize: options.poolSize ?? 10,
      entities: options.entities,
      migrations: options.migrations,
      migrationsTransactionMode: 'each',
      synchronize: false,
      logging: options.logging ?? false,
    };
  } else {
    if (target.file !== ':memory:') mkdirSync(dirname(target.file), { recursive: true });
    config = {
      type: 'better-sqlite3',
      database: target.file,
      entities: options.entities,
      synchronize: true,
      logging: options.logging ?? false,
      // WAL lets readers proceed while the relay writes; foreign keys are off by default in SQLite.
      prepareDatabase: (db: { pragma(sql: string): unknown }) => {
        db.pragma('journal_mode = WAL');
        db.pragma('foreign_keys = ON');
        db.pragma('busy_timeout = 5000');
      },
    };
  }
  const dataSource = new DataSource(config);
  await dataSource.initialize();
  if (target.kind === 'mysql') await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}

/** SQL statements that would bring the schema in line with the entities; empty when current. */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return log.upQueries.map((query) => query.query);
}
