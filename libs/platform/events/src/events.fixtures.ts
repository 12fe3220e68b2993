// Shared by this library's specs (not exported): a test aggregate whose changes emit events.
import {
  Column,
  Entity,
  PrimaryColumn,
  type EntityManager,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';
import { z } from 'zod';
import { defineEvent } from './event-definition';
import { eventsSchema } from './events-schema';

/** A counter is the aggregate; each increment publishes its new version, keyed by counter. */
export const counterIncremented = defineEvent({
  type: 'certif.test.counter-incremented.v1',
  topic: 'test.counter.v1',
  schema: z.object({ counterId: z.string().min(1), version: z.number().int().positive() }),
  key: (payload) => payload.counterId,
});

@Entity('test_counter')
export class CounterRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'int' })
  version!: number;
}

/** What a consumer's handler writes: one row per processed event, in its transaction. */
@Entity('test_effect')
export class EffectRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'event_id', type: 'varchar', length: 100 })
  eventId!: string;

  @Column({ name: 'counter_id', type: 'varchar', length: 36 })
  counterId!: string;

  @Column({ type: 'int' })
  version!: number;
}

class CreateTestTables1700000009999 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `test_counter` (`id` varchar(36) NOT NULL, `version` int NOT NULL, ' +
        'PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `test_effect` (`id` varchar(36) NOT NULL, `event_id` varchar(100) NOT NULL, ' +
        '`counter_id` varchar(36) NOT NULL, `version` int NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `test_effect`');
    await queryRunner.query('DROP TABLE `test_counter`');
  }
}

export const testSchema = {
  entities: [...eventsSchema.entities, CounterRow, EffectRow],
  migrations: [...eventsSchema.migrations, CreateTestTables1700000009999],
};

/**
 * The state change: bumps the counter under a row lock (on MySQL; SQLite transactions are
 * serialized) and returns the new version. Publishing it in the same transaction is the caller's.
 */
export async function increment(manager: EntityManager, counterId: string): Promise<number> {
  const repository = manager.getRepository(CounterRow);
  const mysql = manager.dataSource.options.type !== 'better-sqlite3';
  const counter = await repository.findOne({
    where: { id: counterId },
    ...(mysql ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  const version = (counter?.version ?? 0) + 1;
  await repository.save({ id: counterId, version });
  return version;
}
