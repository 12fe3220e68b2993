import { randomBytes } from 'node:crypto';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { databaseTarget, type DatabaseTarget, type MysqlTarget } from './database-target';
import { dropMysqlDatabase } from './mysql-server';
import { openDataSource, type ServiceSchema } from './open-data-source';
import { testDatabaseUrl } from './scratch-mysql';

/**
 * Test support: run a suite on embedded SQLite and on the real MySQL/MariaDB server.
 * tools/test/run-tests.mjs probes the server once and sets CERTIF_TEST_MYSQL to "available"
 * or to the reason it is not; in CI a missing server fails the run instead of skipping.
 */
export type TestDialect = 'sqlite' | 'mysql';

export function mysqlUnavailableReason(): string | null {
  const state = process.env['CERTIF_TEST_MYSQL'];
  if (state === undefined || state === 'available') return null;
  return state;
}

/**
 * A migration that creates one table of a spec's own (`createSql`) and drops it on the way down;
 * `name` ends with its timestamp, as TypeORM orders migrations by it.
 */
export function createTableMigration(
  name: string,
  table: string,
  createSql: string,
): new () => MigrationInterface {
  return class implements MigrationInterface {
    name = name;
    async up(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(createSql);
    }
    async down(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`DROP TABLE \`${table}\``);
    }
  };
}

export interface TestDatabase {
  dialect: TestDialect;
  dataSource: DataSource;
  target: DatabaseTarget;
  /** Drops the scratch database (MySQL) and closes the data source. */
  close(): Promise<void>;
}

/** A fresh, uniquely named database with the service's schema, dropped by `close()`. */
export async function openTestDatabase(
  dialect: TestDialect,
  schema: ServiceSchema,
): Promise<TestDatabase> {
  const suffix = randomBytes(4).toString('hex');
  const target: DatabaseTarget =
    dialect === 'sqlite'
      ? { kind: 'sqlite', file: ':memory:' }
      : {
          ...(databaseTarget('test', testDatabaseUrl(), '') as MysqlTarget),
          database: `certif_test_${suffix}`,
        };
  const dataSource = await openDataSource({ ...schema, target, poolSize: 5 });
  return {
    dialect,
    dataSource,
    target,
    close: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      if (target.kind === 'mysql') await dropMysqlDatabase(target);
    },
  };
}

/**
 * `describe` once per database: SQLite always, MySQL/MariaDB unless unreachable outside CI,
 * in which case the suite is reported as skipped with the reason in its title.
 */
export function describeOnEachDatabase(title: string, suite: (dialect: TestDialect) => void): void {
  describe(`${title} [sqlite]`, () => suite('sqlite'));
  const reason = mysqlUnavailableReason();
  if (reason) {
    describe.skip(`${title} [mysql] — skipped: ${reason}`, () => suite('mysql'));
  } else {
    describe(`${title} [mysql]`, () => suite('mysql'));
  }
}

/** `describe` on MySQL/MariaDB only (e.g. SKIP LOCKED, migrations), skipped with a reason. */
export function describeOnMysql(title: string, suite: () => void): void {
  const reason = mysqlUnavailableReason();
  if (reason) describe.skip(`${title} [mysql] — skipped: ${reason}`, suite);
  else describe(`${title} [mysql]`, suite);
}

export {
  privateMariadbUnavailableReason,
  startPrivateMariadb,
  type PrivateMariadb,
} from './private-mariadb';

export {
  countRows,
  dropDatabasesOf,
  freePort,
  scratchStorage,
  serverVersion,
  testDatabaseUrl,
  withMysqlConnection,
  type ScratchStorage,
} from './scratch-mysql';
