import { Column, Entity, In, PrimaryColumn } from 'typeorm';
import { onStatement } from './statement-listener';
import {
  createTableMigration,
  describeOnEachDatabase,
  openTestDatabase,
  type TestDatabase,
} from './testing';

@Entity('statement_probe')
class StatementProbe {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'int' })
  n!: number;
}

const CreateStatementProbe = createTableMigration(
  'CreateStatementProbe1700000000001',
  'statement_probe',
  'CREATE TABLE `statement_probe` (`id` varchar(36) NOT NULL, `n` int NOT NULL, ' +
    'PRIMARY KEY (`id`)) ENGINE=InnoDB',
);

describeOnEachDatabase('onStatement', (dialect) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(dialect, {
      entities: [StatementProbe],
      migrations: [CreateStatementProbe],
    });
    await db.dataSource.getRepository(StatementProbe).insert([
      { id: 'a', n: 1 },
      { id: 'b', n: 2 },
    ]);
  });
  afterAll(() => db.close());

  it('hears each statement the data source sends, until it stops listening', async () => {
    const heard: string[] = [];
    const stop = onStatement(db.dataSource, (sql) => heard.push(sql));
    const repository = db.dataSource.getRepository(StatementProbe);
    await repository.findBy({ id: In(['a', 'b']) });
    await repository.findOneBy({ id: 'a' });
    expect(heard).toHaveLength(2);
    expect(heard[0]).toMatch(/^SELECT .*statement_probe/);

    stop();
    await repository.findOneBy({ id: 'b' });
    expect(heard).toHaveLength(2);
  });

  it('hears the statements of a transaction, its control statements included', async () => {
    const heard: string[] = [];
    const stop = onStatement(db.dataSource, (sql) => heard.push(sql));
    try {
      await db.dataSource.transaction((manager) =>
        manager.update(StatementProbe, { id: 'a' }, { n: 3 }),
      );
    } finally {
      stop();
    }
    expect(heard.some((sql) => /^UPDATE .*statement_probe/.test(sql))).toBe(true);
    expect(heard.length).toBeGreaterThanOrEqual(3);
  });
});
