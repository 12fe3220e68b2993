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

async function batchedInserts(dataSource: DataSource, count: number): Promise<number> {
  const rows = payloads(count).map(referenceOutboxRow);
  const started = process.hrtime.bigint();
  for (let i = 0; i < rows.length; i += 100) {
    await dataSource.getRepository(OutboxMessageEntity).insert(rows.slice(i, i + 100));
  }
  return since(started);
}

async function backbone(dataSource: DataSource, count: number): Promise<number> {
  await dataSource.query('DELETE FROM events_outbox');
  const transport = new EmbeddedTransport({ bus: new EmbeddedBus() });
  let handled = 0;
  // The services' batch size (EVENTS_BATCH_SIZE, 50 by default): the same consumer loop.
  const batchSize = Number(process.env['EVENTS_BATCH_SIZE'] ?? defaultEventBatchSize);
  const consumer = new EventConsumer({ dataSource, transport, groupId: 'reference', batchSize }).on(
    ccpAcquired,
    async () => {
      handled += 1;
    },
  );
  const relay = new OutboxRelay({ dataSource, transport });
  await consumer.start();
  await relay.start();
  try {
    const events = payloads(count);
    const started = process.hrtime.bigint();
    await runInTransaction(dataSource, (manager) =>
      new Outbox({ source: 'certif/sessions' }).publishMany(manager, ccpAcquired, events),
    );
    const deadline = Date.now() + 120_000;
    while (handled < count) {
      if (Date.now() > deadline)
        throw new Error(`the backbone handled ${handled} of ${count} events in 2 minutes`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return since(started);
  } finally {
    await relay.stop();
    await consumer.stop();
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
