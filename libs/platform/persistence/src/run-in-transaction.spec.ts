import { Column, Entity, PrimaryColumn } from 'typeorm';
import { runInTransaction } from './run-in-transaction';
import { describeOnEachDatabase, openTestDatabase, type TestDatabase } from './testing';

@Entity('tx_probe')
class TxProbe {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'int' })
  n!: number;
}

describeOnEachDatabase('runInTransaction', (dialect) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(dialect, { entities: [TxProbe], migrations: [] });
    if (dialect === 'mysql') {
      await db.dataSource.query(
        'CREATE TABLE `tx_probe` (`id` varchar(36) NOT NULL PRIMARY KEY, `n` int NOT NULL)',
      );
    }
  });
  afterAll(() => db.close());

  it('keeps a committed transaction when a concurrent one rolls back', async () => {
    const failing = runInTransaction(db.dataSource, async (manager) => {
      await manager.insert(TxProbe, { id: 'doomed', n: 1 });
      await new Promise((resolve) => setTimeout(resolve, 20));
      throw new Error('rolled back on purpose');
    });
    const committing = runInTransaction(db.dataSource, async (manager) => {
      await manager.insert(TxProbe, { id: 'kept', n: 2 });
    });
    await expect(failing).rejects.toThrow('rolled back on purpose');
    await committing;
    const ids = (await db.dataSource.getRepository(TxProbe).find()).map((row) => row.id);
    expect(ids).toEqual(['kept']);
  });
});
