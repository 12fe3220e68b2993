import { Column, Entity, PrimaryColumn } from 'typeorm';
import { databaseTarget, serviceDatabaseName } from './database-target';
import { pendingSchemaChanges } from './open-data-source';
import {
  createTableMigration,
  describeOnEachDatabase,
  describeOnMysql,
  openTestDatabase,
  type TestDatabase,
} from './testing';

@Entity('probe')
class ProbeRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'date' })
  decidedOn!: string;

  @Column({ type: 'simple-json' })
  codes!: string[];
}

const CreateProbe = createTableMigration(
  'CreateProbe1700000000000',
  'probe',
  'CREATE TABLE `probe` (`id` varchar(36) NOT NULL, `decidedOn` date NOT NULL, ' +
    '`codes` text NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB',
);

const schema = { entities: [ProbeRow], migrations: [CreateProbe] };

describe('databaseTarget', () => {
  it('uses SQLite under the data folder when DATABASE_URL is unset', () => {
    expect(databaseTarget('referentials', undefined, '.data')).toEqual({
      kind: 'sqlite',
      file: '.data/referentials.sqlite',
    });
  });

  it('gives each service its own database on the server', () => {
    expect(databaseTarget('sessions', 'mysql://app:s%40cret@db:3307', '.data')).toEqual({
      kind: 'mysql',
      host: 'db',
      port: 3307,
      user: 'app',
      password: 's@cret',
      database: 'certif_sessions',
    });
    expect(serviceDatabaseName('issuing')).toBe('certif_issuing');
  });
});

describeOnEachDatabase('openDataSource', (dialect) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(dialect, schema);
  });
  afterAll(() => db.close());

  it('keeps dates as YYYY-MM-DD strings, whatever the time zone', async () => {
    const repository = db.dataSource.getRepository(ProbeRow);
    await repository.save({ id: 'a', decidedOn: '2019-12-31', codes: ['326t'] });
    const row = await repository.findOneByOrFail({ id: 'a' });
    expect(row.decidedOn).toBe('2019-12-31');
    expect(row.codes).toEqual(['326t']);
  });
});

describeOnMysql('migrations', () => {
  it('create the database and leave no schema change pending', async () => {
    const db = await openTestDatabase('mysql', schema);
    try {
      expect(await pendingSchemaChanges(db.dataSource)).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
