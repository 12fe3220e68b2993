import { pendingSchemaChanges } from '@certif/platform-persistence';
import { describeOnMysql, openTestDatabase } from '@certif/platform-persistence/testing';
import { issuingSchema } from './issuing-schema';

describeOnMysql('issuing database', () => {
  it('is fully described by its migrations (tables and event backbone)', async () => {
    const db = await openTestDatabase('mysql', issuingSchema);
    try {
      expect(await pendingSchemaChanges(db.dataSource)).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
