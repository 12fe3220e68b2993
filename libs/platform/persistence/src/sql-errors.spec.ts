import { Column, Entity, PrimaryColumn } from 'typeorm';
import { isDuplicateKey, likeContaining, supportsRowLocks } from './sql-errors';
import { describeOnEachDatabase, openTestDatabase, type TestDatabase } from './testing';

@Entity('sql_error_probe')
class SqlErrorProbe {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36, unique: true })
  code!: string;

  @Column({ type: 'varchar', length: 36 })
  title!: string;
}

const caught = async (work: () => Promise<unknown>): Promise<unknown> =>
  work().then(
    () => null,
    (error: unknown) => error,
  );

describeOnEachDatabase('SQL errors read the same on both engines', (dialect) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(dialect, { entities: [SqlErrorProbe], migrations: [] });
    if (dialect === 'mysql') {
      await db.dataSource.query(
        'CREATE TABLE `sql_error_probe` (`id` varchar(36) NOT NULL PRIMARY KEY, ' +
          '`code` varchar(36) NOT NULL UNIQUE, `title` varchar(36) NOT NULL)',
      );
    }
    await db.dataSource.getRepository(SqlErrorProbe).insert({ id: 'a', code: 'A', title: 'x' });
  });
  afterAll(() => db.close());
  const insert = (row: Partial<SqlErrorProbe>) => () =>
    db.dataSource.getRepository(SqlErrorProbe).insert(row);

  it('a primary-key clash is a duplicate key', async () => {
    expect(isDuplicateKey(await caught(insert({ id: 'a', code: 'B', title: 'x' })))).toBe(true);
  });

  it('a unique-key clash is a duplicate key', async () => {
    expect(isDuplicateKey(await caught(insert({ id: 'b', code: 'A', title: 'x' })))).toBe(true);
  });

  it('a missing NOT NULL value is not a duplicate key', async () => {
    const error = await caught(() =>
      db.dataSource.query('INSERT INTO sql_error_probe (id, code) VALUES (?, ?)', ['c', 'C']),
    );
    expect(error).not.toBeNull();
    expect(isDuplicateKey(error)).toBe(false);
  });

  it('row locks are a MySQL/MariaDB matter', () => {
    expect(supportsRowLocks(db.dataSource.manager)).toBe(dialect === 'mysql');
  });

  it('LIKE wildcards in a search are taken literally', async () => {
    await insert({ id: 'p', code: 'P', title: '100%_sure' })();
    await insert({ id: 'q', code: 'Q', title: '100 sure' })();
    const rows = await db.dataSource
      .getRepository(SqlErrorProbe)
      .createQueryBuilder('p')
      .where("p.title LIKE :pattern ESCAPE '!'", { pattern: likeContaining('0%_') })
      .getMany();
    expect(rows.map((row) => row.id)).toEqual(['p']);
  });
});
