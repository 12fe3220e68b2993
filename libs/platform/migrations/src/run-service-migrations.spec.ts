import { randomBytes } from 'node:crypto';
import { Column, Entity, PrimaryColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createLogger } from '@certif/platform-observability';
import {
  databaseTarget,
  openDataSource,
  pendingSchemaChanges,
  type MysqlTarget,
} from '@certif/platform-persistence';
import { describeOnMysql, dropDatabasesOf } from '@certif/platform-persistence/testing';
import { runMigrationsCommand } from './migrate-command';
import { runServiceMigrations, type MigrationsReport } from './run-service-migrations';

@Entity('probe')
class ProbeRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 20 })
  code!: string;
}

// Slow on purpose: two runners started together are both inside the migration without the lock.
class CreateProbe1700000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('SELECT SLEEP(0.5)');
    await queryRunner.query(
      'CREATE TABLE `probe` (`id` varchar(36) NOT NULL, `code` varchar(20) NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `probe`');
  }
}

const schema = { entities: [ProbeRow], migrations: [CreateProbe1700000000000] };
const mysqlUrl = process.env['TEST_DATABASE_URL'] ?? 'mysql://root@127.0.0.1:3306';
const logger = createLogger({ service: 'migrations-test', level: 'silent' });

describe('runServiceMigrations without DATABASE_URL', () => {
  it('skips: embedded SQLite has no migrations', async () => {
    await expect(
      runServiceMigrations({ service: 'probe', schema, databaseUrl: undefined, logger }),
    ).resolves.toEqual({
      kind: 'skipped',
      reason: expect.stringContaining('SQLite'),
    });
  });

  it('refuses a bad environment with exit code 1, before touching any database', async () => {
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await expect(
        runMigrationsCommand('probe', schema, { DATABASE_URL: 'postgres://db' }),
      ).resolves.toBe(1);
      expect(String(errors.mock.calls[0]?.[0])).toMatch(/DATABASE_URL: must start with mysql:\/\//);
    } finally {
      errors.mockRestore();
    }
  });
});

describeOnMysql('runServiceMigrations', () => {
  const prefix = `certif_migrate_${randomBytes(3).toString('hex')}`;
  const target = databaseTarget('probe', mysqlUrl, '', prefix) as MysqlTarget;

  // The probe's scratch database, `<prefix>_probe`.
  afterAll(() => dropDatabasesOf(mysqlUrl, prefix));

  /** One instance's start: the probe service's migrations on the scratch database. */
  const migrate = () =>
    runServiceMigrations({
      service: 'probe',
      schema,
      databaseUrl: mysqlUrl,
      databasePrefix: prefix,
      logger,
    });

  it('applies the migrations once when several instances start together', async () => {
    // allSettled: a runner that fails must not leave the others running past the test.
    const results = await Promise.allSettled([migrate(), migrate(), migrate()]);
    const reports = results.map((result) =>
      result.status === 'fulfilled' ? result.value : String(result.reason),
    );
    const applied = reports.map((report: MigrationsReport | string) =>
      typeof report === 'object' && report.kind === 'migrated' ? report.applied : report,
    );
    expect(applied).toContainEqual(['CreateProbe1700000000000']);
    expect(applied.filter((names) => Array.isArray(names) && names.length === 0)).toHaveLength(2);

    const dataSource = await openDataSource({ ...schema, target, poolSize: 1 });
    try {
      expect(await pendingSchemaChanges(dataSource)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('is a no-op on a current schema, through the command an init container runs', async () => {
    const env = { DATABASE_URL: mysqlUrl, DATABASE_PREFIX: prefix, LOG_LEVEL: 'silent' };
    await expect(runMigrationsCommand('probe', schema, env)).resolves.toBe(0);
    await expect(migrate()).resolves.toMatchObject({
      kind: 'migrated',
      applied: [],
      alreadyApplied: 1,
    });
  });
});
