import { pendingSchemaChanges } from '@certif/platform-persistence';
import { describeOnMysql, openTestDatabase } from '@certif/platform-persistence/testing';
import { sessionsSchema } from './sessions-schema';

describeOnMysql('sessions database', () => {
  it('is fully described by its migrations (tables, read models and event backbone)', async () => {
    const db = await openTestDatabase('mysql', sessionsSchema);
    try {
      expect(await pendingSchemaChanges(db.dataSource)).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
