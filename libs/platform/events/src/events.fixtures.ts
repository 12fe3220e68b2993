// Shared by this library's specs (not exported): a test aggregate whose changes emit events.
import { randomUUID } from 'node:crypto';
import {
  openTestDatabase,
  type TestDatabase,
  type TestDialect,
} from '@certif/platform-persistence/testing';
import {
  Column,
  Entity,
  PrimaryColumn,
  type DataSource,
  type EntityManager,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';
import { z } from 'zod';
import type { CloudEvent } from './cloud-event';
import { DeadLetterEntity } from './dead-letter.entity';
import { defineEvent } from './event-definition';
import { eventsSchema } from './events-schema';
import { InboxEntryEntity } from './inbox-entry.entity';
import { OutboxMessageEntity } from './outbox-message.entity';
import { EventConsumer, type EventConsumerOptions, type EventHandler } from './idempotent-consumer';
import { fastRetry, present, testEventMessage } from './testing';
import type { TransportMessage } from './transport-message';

/** A counter is the aggregate; each increment publishes its new version, keyed by counter. */
export const counterIncremented = defineEvent({
  type: 'certif.test.counter-incremented.v1',
  topic: 'test.counter.v1',
  schema: z.object({ counterId: z.string().min(1), version: z.number().int().positive() }),
  key: (payload) => payload.counterId,
});

export type CounterPayload = { counterId: string; version: number };
export type CounterHandler = EventHandler<CounterPayload>;

/** A counter-incremented event as the transport carries it; `overrides` replace its attributes. */
export function counterMessage(
  payload: CounterPayload,
  overrides: Partial<CloudEvent<unknown>> = {},
): TransportMessage {
  return testEventMessage(
    { type: counterIncremented.type, subject: payload.counterId, data: payload, ...overrides },
    { topic: counterIncremented.topic, key: payload.counterId },
  );
}

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

/** The handler's effect: one row per event, written in the event's transaction. */
export async function recordEffect(
  event: CloudEvent<CounterPayload>,
  manager: EntityManager,
): Promise<void> {
  await manager.getRepository(EffectRow).insert({
    id: randomUUID(),
    eventId: event.id,
    counterId: event.data.counterId,
    version: event.data.version,
  });
}

/** Empties the effects and the event tables between tests. */
export async function clearEventTables(dataSource: DataSource): Promise<void> {
  for (const entity of [EffectRow, InboxEntryEntity, DeadLetterEntity, OutboxMessageEntity]) {
    await dataSource.getRepository(entity).clear();
  }
}

/**
 * The suite's database on `dialect` with the test schema: opened before its tests, dropped after
 * them, its effects and event tables emptied before each test.
 */
export function useCounterDatabase(dialect: TestDialect): {
  readonly dataSource: DataSource;
  effects(): Promise<EffectRow[]>;
} {
  let db: TestDatabase | undefined;
  beforeAll(async () => {
    db = await openTestDatabase(dialect, testSchema);
  });
  afterAll(() => db?.close());
  beforeEach(() => clearEventTables(present(db, 'the test database').dataSource));
  return {
    get dataSource() {
      return present(db, 'the test database').dataSource;
    },
    effects() {
      return this.dataSource.getRepository(EffectRow).find();
    },
  };
}

/** A consumer of counter increments in group `issuing`, with fast retries; not started yet. */
export function counterConsumer(
  options: Omit<EventConsumerOptions, 'groupId' | 'retry'>,
  handler: CounterHandler,
): EventConsumer {
  return new EventConsumer({ groupId: 'issuing', retry: fastRetry, ...options }).on(
    counterIncremented,
    handler,
  );
}
