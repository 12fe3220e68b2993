import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One SQL statement of a migration, with its parameters when it has any. */
export type MigrationStatement = string | readonly [sql: string, parameters: readonly unknown[]];

export interface MigrationStatements {
  readonly up: readonly MigrationStatement[];
  /** In the order they run: the reverse of `up`'s effects. */
  readonly down: readonly MigrationStatement[];
}

async function run(queryRunner: QueryRunner, statements: readonly MigrationStatement[]) {
  for (const statement of statements) {
    if (typeof statement === 'string') await queryRunner.query(statement);
    else await queryRunner.query(statement[0], [...statement[1]]);
  }
}

/**
 * A migration as the list of statements it runs, up and down: what every migration here is.
 * `name` ends with the timestamp TypeORM orders migrations by, and is what its history records.
 */
export function statementMigration(
  name: string,
  statements: MigrationStatements,
): new () => MigrationInterface {
  const migration = class implements MigrationInterface {
    readonly name = name;

    async up(queryRunner: QueryRunner): Promise<void> {
      await run(queryRunner, statements.up);
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      await run(queryRunner, statements.down);
    }
  };
  Object.defineProperty(migration, 'name', { value: name });
  return migration;
}
