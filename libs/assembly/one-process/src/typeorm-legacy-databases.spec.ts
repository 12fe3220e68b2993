import { randomBytes } from 'node:crypto';
import { createConnection, type RowDataPacket } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import {
  DataSource as LegacyDataSource,
  type DataSourceOptions as LegacyOptions,
} from 'typeorm-legacy';
import { runServiceMigrations } from '@certif/platform-migrations';
import { createLogger } from '@certif/platform-observability';
import {
  databaseTarget,
  dropMysqlDatabase,
  mysqlConnectionOptions,
  openDataSource,
  pendingSchemaChanges,
  prepareMysqlDatabase,
  type MysqlTarget,
  type ServiceSchema,
} from '@certif/platform-persistence';
import { describeOnMysql } from '@certif/platform-persistence/testing';
import { candidatesSchema } from '@certif/candidates-service';
import { issuingSchema } from '@certif/issuing-service';
import { referentialsSchema } from '@certif/referentials-service';
import { sessionsSchema } from '@certif/sessions-service';

// Databases in production were migrated by TypeORM 0.3 (ADR 0018). TypeORM 1.x must read their
// history as its own: same `migrations` table, same names, nothing applied twice, and a schema
// its entities find current. typeorm-legacy is TypeORM 0.3.31 (the last version the platform
// ran), installed under an alias as a devDependency; it migrates each database exactly as the
// 0.3 runner did (runMigrations, transaction 'each'), then the 1.x runner takes over.

const mysqlUrl = process.env['TEST_DATABASE_URL'] ?? 'mysql://root@127.0.0.1:3306';
const prefix = `certif_legacy_${randomBytes(3).toString('hex')}`;
const schemas: [string, ServiceSchema][] = [
  ['referentials', referentialsSchema],
  ['candidates', candidatesSchema],
  ['sessions', sessionsSchema],
  ['issuing', issuingSchema],
];
const logger = createLogger({ service: 'legacy-compat-test', level: 'silent' });

function targetOf(service: string): MysqlTarget {
  return databaseTarget(service, mysqlUrl, '', prefix) as MysqlTarget;
}

/**
 * The options openDataSource gives TypeORM 1.x on MySQL, for the 0.3 runner, without entities:
 * both versions keep decorator metadata in one global store, which the 0.3 builder cannot read
 * once 1.x decorators wrote it. The migrations are plain SQL: the runner needs no entity.
 */
async function legacyDataSource(target: MysqlTarget, schema: ServiceSchema) {
  const server = await prepareMysqlDatabase(target);
  const options = {
    ...mysqlConnectionOptions(target, server.isMariaDb),
    poolSize: 2,
    entities: [],
    migrations: schema.migrations,
    migrationsTransactionMode: 'each',
    synchronize: false,
  } as LegacyOptions;
  return new LegacyDataSource(options).initialize();
}

async function query(target: MysqlTarget, sql: string): Promise<RowDataPacket[]> {
  const connection = await createConnection({
    host: target.host,
    port: target.port,
    user: target.user,
    password: target.password,
    database: target.database,
  });
  try {
    return (await connection.query<RowDataPacket[]>(sql))[0];
  } finally {
    await connection.end();
  }
}

const migrationsTable = async (target: MysqlTarget) =>
  String((await query(target, 'SHOW CREATE TABLE `migrations`'))[0]?.['Create Table']);
const history = (target: MysqlTarget) =>
  query(target, 'SELECT id, timestamp, name FROM `migrations` ORDER BY id');

describeOnMysql('a database migrated by TypeORM 0.3, taken over by TypeORM 1.x', () => {
  const used: MysqlTarget[] = [];

  afterAll(async () => {
    for (const target of used) await dropMysqlDatabase(target);
  });

  it('has the same migrations table as the one TypeORM 1.x creates', async () => {
    const legacy = targetOf('table_legacy');
    const current = targetOf('table_current');
    used.push(legacy, current);
    const empty: ServiceSchema = { entities: [], migrations: [] };
    const old = await legacyDataSource(legacy, empty);
    await old.runMigrations({ transaction: 'each' });
    await old.destroy();
    const fresh = await openDataSource({ ...empty, target: current, poolSize: 1 });
    await fresh.destroy();
    expect(await migrationsTable(legacy)).toBe(await migrationsTable(current));
    expect(await migrationsTable(current)).toMatch(/^CREATE TABLE `migrations`/);
  });

  it.each(schemas)(
    '%s: nothing is applied again, and the 1.x entities find the schema current',
    async (service, schema) => {
      const target = targetOf(service);
      used.push(target);

      const old = await legacyDataSource(target, schema);
      const appliedBy03 = (await old.runMigrations({ transaction: 'each' })).map((m) => m.name);
      await old.destroy();
      expect(appliedBy03.length).toBeGreaterThan(0);
      const before = await history(target);

      // The init container's runner (the lock, then TypeORM 1.x's runMigrations).
      await expect(
        runServiceMigrations({
          service,
          schema,
          databaseUrl: mysqlUrl,
          databasePrefix: prefix,
          logger,
        }),
      ).resolves.toMatchObject({
        kind: 'migrated',
        applied: [],
        alreadyApplied: appliedBy03.length,
      });

      const dataSource: DataSource = await openDataSource({ ...schema, target, poolSize: 2 });
      try {
        expect(await dataSource.showMigrations()).toBe(false);
        expect(await pendingSchemaChanges(dataSource)).toEqual([]);
        // Every entity's columns are there: a SELECT of each table through 1.x's metadata.
        for (const metadata of dataSource.entityMetadatas) {
          await expect(dataSource.manager.find(metadata.target, { take: 1 })).resolves.toEqual(
            expect.any(Array),
          );
        }
      } finally {
        await dataSource.destroy();
      }
      expect(await history(target)).toEqual(before);
    },
  );
});
