import { Registry } from 'prom-client';
import { poolUsage, watchConnectionPool } from './pool-metrics';
import { describeOnMysql, openTestDatabase } from './testing';

describeOnMysql('connection pool metrics', () => {
  it('count busy connections while a transaction holds one, and report them when scraped', async () => {
    const db = await openTestDatabase('mysql', { entities: [], migrations: [] });
    try {
      const registry = new Registry();
      watchConnectionPool(registry, 'sessions', db.dataSource);
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      let during = poolUsage(db.dataSource);
      const transaction = db.dataSource.transaction(async (manager) => {
        await manager.query('SELECT 1');
        during = poolUsage(db.dataSource);
        await held;
      });
      while (during.busy === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      expect(during).toMatchObject({ busy: 1, waiting: 0, limit: 5 });
      expect(await registry.metrics()).toContain(
        'certif_db_pool_connections{service="sessions",state="busy"} 1',
      );
      release();
      await transaction;
      expect(poolUsage(db.dataSource).busy).toBe(0);
    } finally {
      await db.close();
    }
  });
});
