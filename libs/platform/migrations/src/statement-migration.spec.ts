import type { QueryRunner } from 'typeorm';
import { statementMigration } from './statement-migration';

describe('statementMigration', () => {
  const Migration = statementMigration('AddColumn1796000000000', {
    up: ['ALTER TABLE `t` ADD `c` int NULL', ['UPDATE `t` SET `c` = ? WHERE `id` = ?', [1, 'a']]],
    down: ['ALTER TABLE `t` DROP COLUMN `c`'],
  });

  function recorder() {
    const statements: unknown[][] = [];
    const queryRunner = {
      query: async (sql: string, parameters?: unknown[]) => {
        statements.push(parameters === undefined ? [sql] : [sql, parameters]);
      },
    } as unknown as QueryRunner;
    return { statements, queryRunner };
  }

  it('runs its statements in order, with their parameters', async () => {
    const { statements, queryRunner } = recorder();
    await new Migration().up(queryRunner);
    expect(statements).toEqual([
      ['ALTER TABLE `t` ADD `c` int NULL'],
      ['UPDATE `t` SET `c` = ? WHERE `id` = ?', [1, 'a']],
    ]);
    const down = recorder();
    await new Migration().down(down.queryRunner);
    expect(down.statements).toEqual([['ALTER TABLE `t` DROP COLUMN `c`']]);
  });

  it('carries the name the migration history records, on the class and the instance', () => {
    expect(Migration.name).toBe('AddColumn1796000000000');
    expect(new Migration().name).toBe('AddColumn1796000000000');
  });
});
