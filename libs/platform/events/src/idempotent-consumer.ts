import { randomUUID } from 'node:crypto';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { isDuplicateKey } from '@certif/platform-persistence';
import { decodeCloudEvent, EventDecodeError, type CloudEvent } from './cloud-event';
import { DeadLetterEntity } from './dead-letter.entity';
import { checkPayload, type EventDefinition } from './event-definition';
import { silentLogger, type EventLogger } from './event-logger';
import type { EventMetrics } from './event-metrics';
import {
  PoisonMessageError,
  type DeadLetterInfo,
  type EventTransport,
  type Subscription,
} from './event-transport';
import { InboxEntryEntity } from './inbox-entry.entity';
import { erasePersonalData } from './personal-data-erasure';
import type { RetryPolicy } from './retry-policy';
import { runInTransaction } from './run-in-transaction';
import { contextFromHeaders, inSpan, SpanKind } from '@certif/platform-observability';
import type { TransportMessage } from './transport-message';

/**
 * Handles one event inside the transaction that records it as handled. Use `manager` for every
 * write (and `outbox.publish(manager, …)` for follow-up events): they commit together or not at
 * all. Throw to have the event retried. The transaction may handle a batch of events of one
 * partition, one after the other in order: `batch` lets their handlers share work.
 */
export type EventHandler<T> = (
  event: CloudEvent<T>,
  manager: EntityManager,
  batch: EventBatch,
) => Promise<void>;

/** The events one transaction handles (one, or a partition's batch), for handlers to share work. */
export interface EventBatch {
  /** The events of the transaction that are handled now (not duplicates), in order. */
  readonly events: readonly CloudEvent<unknown>[];
  /** A value shared by the batch's handlers: made by the first call with its key. */
  shared<V>(key: string, make: () => V): V;
  /**
   * Runs `work` once per key, after the batch's last handler and before commit (in the order keys
   * were first given; work may defer more, and a key given again after its work ran runs again).
   * A failure rolls the whole batch back.
   */
  beforeCommit(key: string, work: () => Promise<void>): void;
}

/** Events of a partition handled in one transaction, unless the service says otherwise. */
export const defaultEventBatchSize = 50;

export interface EventConsumerOptions {
  dataSource: DataSource;
  transport: EventTransport;
  /** The consumer group, usually the service name: each group gets every event once. */
  groupId: string;
  logger?: EventLogger;
  metrics?: EventMetrics;
  /** Tries of a failing handler before its event is dead-lettered (5, from 200 ms to 10 s). */
  retry?: Partial<RetryPolicy>;
  /**
   * Waiting events of a partition handled in one transaction, at most (default 50; 1: one
   * transaction per event). A batch that fails for a reason other than a transient one is
   * handled again event by event, so that a poison event is dead-lettered alone.
   */
  batchSize?: number;
}

interface Prepared {
  topic: string;
  route: Route;
  event: CloudEvent<unknown>;
}

type Outcome = 'processed' | 'duplicate';

interface Route {
  definition: EventDefinition<unknown>;
  handler: EventHandler<unknown>;
  isolation: RouteOptions['isolation'];
}

export interface RouteOptions {
  /**
   * The isolation of the transaction that handles this event type (MySQL; the server's default,
   * REPEATABLE READ, when not given). READ COMMITTED takes no gap locks on locking reads, so
   * that batches about different keys do not deadlock on neighbouring index ranges; the handler
   * must then hold what it relies on by row locks (ADR 0019).
   */
  isolation?: 'READ COMMITTED';
}

/**
 * Subscribes a service to events and runs each handler at most once per event, however often
 * the transport delivers it: the handler's transaction also inserts (group, event id) into the
 * inbox, whose primary key refuses a second one.
 */
export class EventConsumer {
  private readonly routes = new Map<string, Map<string, Route>>();
  private readonly logger: EventLogger;
  private subscription: Subscription | undefined;
  /** Why the transport stopped the subscription on its own; undefined while consuming. */
  private crash: { error: unknown } | undefined;

  constructor(private readonly options: EventConsumerOptions) {
    if (!options.groupId || options.groupId.length > 100) {
      throw new Error('groupId must be 1 to 100 characters');
    }
    this.logger = options.logger ?? silentLogger;
    const size = options.batchSize ?? defaultEventBatchSize;
    if (!Number.isInteger(size) || size < 1) throw new Error('batchSize must be at least 1');
  }

  /** Registers the handler of one event type; call before `start()`. */
  on<T>(
    definition: EventDefinition<T>,
    handler: EventHandler<T>,
    options: RouteOptions = {},
  ): this {
    if (this.subscription) throw new Error('register handlers before start()');
    const byType = this.routes.get(definition.topic) ?? new Map<string, Route>();
    if (byType.has(definition.type)) {
      throw new Error(`${this.options.groupId} already handles ${definition.type}`);
    }
    byType.set(definition.type, {
      definition: definition as EventDefinition<unknown>,
      handler: handler as EventHandler<unknown>,
      isolation: options.isolation,
    });
    this.routes.set(definition.topic, byType);
    return this;
  }

  async start(): Promise<void> {
    if (this.subscription) return;
    if (this.routes.size === 0) throw new Error(`${this.options.groupId} has no handler`);
    const { transport, groupId, retry } = this.options;
    const batchSize = this.options.batchSize ?? defaultEventBatchSize;
    this.subscription = await transport.subscribe(
      [...this.routes.keys()],
      groupId,
      (message, delivery) => this.handle([message], delivery.attempt),
      {
        ...(retry ? { retry } : {}),
        ...(batchSize > 1
          ? {
              batch: {
                maxMessages: batchSize,
                handler: (messages, delivery) => this.handle(messages, delivery.attempt),
              },
            }
          : {}),
        onDeadLetter: (message, info) => this.deadLetter(message, info),
        onStopped: (error) => {
          this.crash = { error };
          this.logger.error({ groupId, err: error }, 'event consumer stopped; not ready');
        },
      },
    );
    this.crash = undefined;
    this.options.metrics?.watchConsumer(groupId, [...this.routes.keys()], transport);
    this.logger.info({ groupId, topics: [...this.routes.keys()] }, 'event consumer started');
  }

  /** Started and consuming: false before `start()`, after `stop()`, and once the transport gave up. */
  get consuming(): boolean {
    return this.subscription !== undefined && this.crash === undefined;
  }

  /** Waits for the handler in progress; what is left is delivered again at the next start. */
  async stop(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop();
  }

  /**
   * Handles messages of one partition in one transaction: one inbox insert for all of them (those
   * already there are duplicates, skipped), each handler in order, the batch's deferred work, then
   * commit. A poison message throws before anything is written.
   */
  private async handle(messages: readonly TransportMessage[], attempt: number): Promise<void> {
    const { dataSource, groupId, metrics } = this.options;
    const prepared: Prepared[] = [];
    const ignored: string[] = [];
    for (const message of messages) {
      const ready = this.prepare(message);
      if (ready) prepared.push(ready);
      else ignored.push(message.topic);
    }
    // Another type on a topic we read: not ours to handle, and not an error.
    for (const topic of ignored) metrics?.consumed(groupId, topic, 'ignored');
    const first = prepared[0];
    if (!first) return;
    const parent = contextFromHeaders(
      first.event.traceparent ? { traceparent: first.event.traceparent } : {},
    );
    const outcomes = await inSpan(
      `consume ${first.event.type}`,
      {
        kind: SpanKind.CONSUMER,
        parent,
        attributes: {
          'certif.consumer_group': groupId,
          'certif.event_id': first.event.id,
          'certif.batch_size': prepared.length,
        },
      },
      () =>
        runInTransaction(
          dataSource,
          async (manager) => {
            const fresh = await claim(manager, groupId, prepared);
            const batch = new TransactionBatch(
              prepared.filter((_, i) => fresh[i]).map((p) => p.event),
            );
            for (const [i, { route, event }] of prepared.entries()) {
              if (!fresh[i]) continue;
              await route.handler(event, manager, batch);
              const erased = route.definition.erases?.(event.data);
              if (erased) await erasePersonalData(manager, erased);
            }
            await batch.runDeferred();
            return fresh.map((handled): Outcome => (handled ? 'processed' : 'duplicate'));
          },
          {
            logger: this.logger,
            // READ COMMITTED only when every event of the batch asks for it.
            ...(prepared.every(({ route }) => route.isolation === 'READ COMMITTED')
              ? { isolation: 'READ COMMITTED' as const }
              : {}),
          },
        ),
    );
    for (const [i, { topic, event }] of prepared.entries()) {
      const outcome = outcomes[i] ?? 'processed';
      metrics?.consumed(groupId, topic, outcome);
      this.logger.debug(
        { groupId, eventId: event.id, type: event.type, attempt, outcome, batch: prepared.length },
        'event handled',
      );
    }
  }

  /** The event and its route; undefined when no handler wants it; throws when it is poison. */
  private prepare(message: TransportMessage): Prepared | undefined {
    let event: CloudEvent<unknown>;
    try {
      event = decodeCloudEvent(message);
    } catch (error) {
      if (error instanceof EventDecodeError) {
        throw new PoisonMessageError('invalid-envelope', `${error.code}: ${error.message}`);
      }
      throw error;
    }
    const route = this.routes.get(message.topic)?.get(event.type);
    if (!route) return undefined;
    // Whoever can reach the broker could forge a fact; only the contract's producer is believed.
    if (event.source !== route.definition.source) {
      throw new PoisonMessageError(
        'untrusted-source',
        `${event.type} on ${message.topic} must come from ${route.definition.source}, not "${event.source}"`,
      );
    }
    const checked = checkPayload(route.definition, event.data);
    if (!checked.success) {
      throw new PoisonMessageError('invalid-payload', `${event.type}: ${checked.problems}`);
    }
    return { topic: message.topic, route, event: { ...event, data: checked.data } };
  }

  private async deadLetter(message: TransportMessage, info: DeadLetterInfo): Promise<void> {
    const { dataSource, groupId, metrics } = this.options;
    const headers = { ...message.headers };
    const header = (name: string) =>
      Object.entries(headers).find(([candidate]) => candidate.toLowerCase() === name)?.[1];
    const row: DeadLetterEntity = {
      id: randomUUID(),
      consumerGroup: groupId,
      topic: message.topic,
      eventKey: message.key.slice(0, 255),
      eventId: header('ce_id')?.slice(0, 100) ?? null,
      eventType: header('ce_type')?.slice(0, 255) ?? null,
      sourcePosition: info.position.slice(0, 300),
      reason: info.reason,
      error: info.error.slice(0, 8000),
      attempts: info.attempts,
      message: { headers, value: message.value },
      createdAt: new Date(),
      replayedAt: null,
    };
    await runInTransaction(dataSource, (manager) =>
      manager
        .createQueryBuilder()
        .insert()
        .into(DeadLetterEntity)
        .values(row)
        // Already there if dead-lettering was retried after the row was written.
        .orIgnore()
        .updateEntity(false)
        .execute(),
    );
    metrics?.deadLettered(groupId, message.topic, info.reason);
    this.logger.warn(
      { groupId, topic: message.topic, key: message.key, reason: info.reason, error: info.error },
      'event dead-lettered',
    );
  }
}

class TransactionBatch implements EventBatch {
  private readonly values = new Map<string, unknown>();
  private readonly deferred = new Map<string, (() => Promise<void>) | undefined>();

  constructor(readonly events: readonly CloudEvent<unknown>[]) {}

  shared<V>(key: string, make: () => V): V {
    if (!this.values.has(key)) this.values.set(key, make());
    return this.values.get(key) as V;
  }

  beforeCommit(key: string, work: () => Promise<void>): void {
    if (this.deferred.get(key)) return;
    // Work of a key that already ran is new work: it runs again, after what is waiting.
    this.deferred.delete(key);
    this.deferred.set(key, work);
  }

  /** Each deferred work once, including work deferred meanwhile (a Map visits added keys). */
  async runDeferred(): Promise<void> {
    for (const [key, work] of this.deferred) {
      if (!work) continue;
      this.deferred.set(key, undefined);
      await work();
    }
  }
}

/**
 * Records the events as handled by the group, in one multi-row INSERT; for each, false when it
 * already was (an earlier delivery, or the same event twice in the batch). A concurrent delivery
 * of the same event waits on the first one's row lock, then finds it there.
 */
async function claim(
  manager: EntityManager,
  groupId: string,
  prepared: readonly Prepared[],
): Promise<boolean[]> {
  const seen = new Set<string>();
  const fresh = prepared.map(({ event }) => {
    if (seen.has(event.id)) return false;
    seen.add(event.id);
    return true;
  });
  const rows = (only: (event: CloudEvent<unknown>) => boolean) =>
    prepared
      .filter(({ event }, i) => fresh[i] && only(event))
      .map(({ topic, event }) => ({
        consumerGroup: groupId,
        eventId: event.id,
        topic,
        eventType: event.type.slice(0, 255),
        processedAt: new Date(),
      }));
  const insert = (values: ReturnType<typeof rows>) =>
    manager
      .createQueryBuilder()
      .insert()
      .into(InboxEntryEntity)
      .values(values)
      .updateEntity(false)
      .execute();
  try {
    await insert(rows(() => true));
    return fresh;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
  // Some were handled before (a redelivery): the statement was undone; insert the others only.
  const known = new Set(
    (
      await manager.find(InboxEntryEntity, {
        select: { eventId: true },
        where: { consumerGroup: groupId, eventId: In([...seen]) },
      })
    ).map((row) => row.eventId),
  );
  const result = prepared.map(({ event }, i) => Boolean(fresh[i]) && !known.has(event.id));
  const remaining = rows((event) => !known.has(event.id));
  if (remaining.length > 0) await insert(remaining);
  return result;
}
