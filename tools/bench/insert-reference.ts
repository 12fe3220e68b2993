// The event pipeline's references, in a scratch database of the run on the same server:
// - batched INSERTs: as many rows as the pipeline carried events, 100 per statement, nothing
//   read, no transaction per event: what the database alone can take;
// - the event backbone alone: the same number of events written to an outbox in one transaction
//   (as a deliberation does), relayed to the embedded bus and handled by a consumer that only
//   records them in its inbox: what outbox → relay → consumer costs before any business logic.
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  defaultEventBatchSize,
  EmbeddedBus,
  EmbeddedTransport,
  EventConsumer,
  eventsSchema,
  Outbox,
  OutboxMessageEntity,
  OutboxRelay,
  runInTransaction,
  type EventDefinition,
} from '@certif/platform-events';
import { databaseTarget, openDataSource, type MysqlTarget } from '@certif/platform-persistence';
import { ccpAcquired } from '@certif/sessions-contracts';
import type { BenchSettings } from './bench-settings';

export interface PipelineReferences {
  insertSeconds: number;
  backboneSeconds: number;
}

const since = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

function payloads(count: number) {
  return Array.from({ length: count }, () => ({
    candidateId: randomUUID(),
    enrollmentId: randomUUID(),
    registrationId: randomUUID(),
    sessionId: randomUUID(),
    decisionId: randomUUID(),
    certificationId: randomUUID(),
    decidedOn: '2026-06-05' as const,
    componentId: randomUUID(),
    componentCode: 'TP-CDA-CCP1',
    outcome: 'TITLE_AWARDED' as const,
  }));
}

/** An outbox row as the outbox writes it, for the plain-INSERT references of the benchmarks. */
export function referenceOutboxRow<T extends { candidateId: string }>(data: T) {
  const id = randomUUID();
  const time = new Date();
  return {
    eventId: id,
    topic: ccpAcquired.topic,
    eventKey: data.candidateId,
    eventType: ccpAcquired.type,
    envelope: {
      specversion: '1.0' as const,
      id,
      type: ccpAcquired.type,
      source: 'certif/sessions',
      time: time.toISOString(),
      subject: data.candidateId,
      datacontenttype: 'application/json' as const,
      correlationid: id,
      data,
    },
    createdAt: time,
    availableAt: time,
    sentAt: null,
    attempts: 0,
    lastError: null,
  };
}

/** The rows as plain INSERTs, 100 per statement: nothing read, no outbox logic. */
export async function insertOutboxRows(
  dataSource: DataSource,
  rows: readonly ReturnType<typeof referenceOutboxRow>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 100) {
    await dataSource.getRepository(OutboxMessageEntity).insert(rows.slice(i, i + 100));
  }
}

export interface CountingPipeline {
  /** The events the consumer has handled so far. */
  handled(): number;
  /** Stops the relay, then the consumer. */
  stop(): Promise<void>;
}

/**
 * A consumer of `definition` that only counts what it handles, fed by a relay of the outbox
 * through an embedded transport of their own; both started, the consumer first.
 */
export async function startCountingPipeline<T>(
  dataSource: DataSource,
  definition: EventDefinition<T>,
  options: {
    groupId: string;
    batchSize?: number;
    relay?: { batchSize: number; pollIntervalMs: number };
  },
): Promise<CountingPipeline> {
  const transport = new EmbeddedTransport({ bus: new EmbeddedBus() });
  let handled = 0;
  const { groupId, batchSize } = options;
  const consumer = new EventConsumer({
    dataSource,
    transport,
    groupId,
    ...(batchSize === undefined ? {} : { batchSize }),
  }).on(definition, async () => {
    handled += 1;
  });
  const relay = new OutboxRelay({ dataSource, transport, ...options.relay });
  await consumer.start();
  await relay.start();
  return {
    handled: () => handled,
    stop: async () => {
      await relay.stop();
      await consumer.stop();
    },
  };
}

async function batchedInserts(dataSource: DataSource, count: number): Promise<number> {
  const rows = payloads(count).map(referenceOutboxRow);
  const started = process.hrtime.bigint();
  await insertOutboxRows(dataSource, rows);
  return since(started);
}

async function backbone(dataSource: DataSource, count: number): Promise<number> {
  await dataSource.query('DELETE FROM events_outbox');
  // The services' batch size (EVENTS_BATCH_SIZE, 50 by default): the same consumer loop.
  const batchSize = Number(process.env['EVENTS_BATCH_SIZE'] ?? defaultEventBatchSize);
  const pipeline = await startCountingPipeline(dataSource, ccpAcquired, {
    groupId: 'reference',
    batchSize,
  });
  try {
    const events = payloads(count);
    const started = process.hrtime.bigint();
    await runInTransaction(dataSource, (manager) =>
      new Outbox({ source: 'certif/sessions' }).publishMany(manager, ccpAcquired, events),
    );
    const deadline = Date.now() + 120_000;
    while (pipeline.handled() < count) {
      if (Date.now() > deadline)
        throw new Error(
          `the backbone handled ${pipeline.handled()} of ${count} events in 2 minutes`,
        );
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return since(started);
  } finally {
    await pipeline.stop();
  }
}

export async function pipelineReferences(
  settings: BenchSettings,
  count: number,
): Promise<PipelineReferences> {
  const target: MysqlTarget = {
    ...(databaseTarget('reference', settings.databaseUrl, '') as MysqlTarget),
    database: `${settings.databasePrefix}_reference`,
  };
  const dataSource = await openDataSource({ ...eventsSchema, target });
  try {
    // Once unmeasured: connections, JIT, buffer pool.
    await backbone(dataSource, Math.min(count, 100));
    return {
      insertSeconds: await batchedInserts(dataSource, count),
      backboneSeconds: await backbone(dataSource, count),
    };
  } finally {
    await dataSource.destroy();
  }
}
