import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { isDuplicateKey } from '@certif/platform-persistence';
import { decodeCloudEvent, EventDecodeError, type CloudEvent } from './cloud-event';
import { DeadLetterEntity } from './dead-letter.entity';
import { checkPayload, type EventDefinition } from './event-definition';
import { silentLogger, type EventLogger } from './event-logger';
import type { EventMetrics } from './event-metrics';
import {
  PoisonMessageError,
  type DeadLetterInfo,
  type Delivery,
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
 * all. Throw to have the event retried.
 */
export type EventHandler<T> = (event: CloudEvent<T>, manager: EntityManager) => Promise<void>;

export interface EventConsumerOptions {
  dataSource: DataSource;
  transport: EventTransport;
  /** The consumer group, usually the service name: each group gets every event once. */
  groupId: string;
  logger?: EventLogger;
  metrics?: EventMetrics;
  /** Tries of a failing handler before its event is dead-lettered (5, from 200 ms to 10 s). */
  retry?: Partial<RetryPolicy>;
}

interface Route {
  definition: EventDefinition<unknown>;
  handler: EventHandler<unknown>;
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
  }

  /** Registers the handler of one event type; call before `start()`. */
  on<T>(definition: EventDefinition<T>, handler: EventHandler<T>): this {
    if (this.subscription) throw new Error('register handlers before start()');
    const byType = this.routes.get(definition.topic) ?? new Map<string, Route>();
    if (byType.has(definition.type)) {
      throw new Error(`${this.options.groupId} already handles ${definition.type}`);
    }
    byType.set(definition.type, {
      definition: definition as EventDefinition<unknown>,
      handler: handler as EventHandler<unknown>,
    });
    this.routes.set(definition.topic, byType);
    return this;
  }

  async start(): Promise<void> {
    if (this.subscription) return;
    if (this.routes.size === 0) throw new Error(`${this.options.groupId} has no handler`);
    const { transport, groupId, retry } = this.options;
    this.subscription = await transport.subscribe(
      [...this.routes.keys()],
      groupId,
      (message, delivery) => this.handle(message, delivery),
      {
        ...(retry ? { retry } : {}),
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

  private async handle(message: TransportMessage, delivery: Delivery): Promise<void> {
    const { dataSource, groupId, metrics } = this.options;
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
    if (!route) {
      // Another type on a topic we read: not ours to handle, and not an error.
      metrics?.consumed(groupId, message.topic, 'ignored');
      return;
    }
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
    const typed: CloudEvent<unknown> = { ...event, data: checked.data };
    const parent = contextFromHeaders(event.traceparent ? { traceparent: event.traceparent } : {});
    const outcome = await inSpan(
      `consume ${event.type}`,
      {
        kind: SpanKind.CONSUMER,
        parent,
        attributes: { 'certif.consumer_group': groupId, 'certif.event_id': event.id },
      },
      () =>
        runInTransaction(
          dataSource,
          async (manager) => {
            if (!(await claim(manager, groupId, message.topic, event))) return 'duplicate' as const;
            await route.handler(typed, manager);
            const erased = route.definition.erases?.(typed.data);
            if (erased) await erasePersonalData(manager, erased);
            return 'processed' as const;
          },
          { logger: this.logger },
        ),
    );
    metrics?.consumed(groupId, message.topic, outcome);
    this.logger.debug(
      { groupId, eventId: event.id, type: event.type, attempt: delivery.attempt, outcome },
      'event handled',
    );
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

/** Records the event as handled by the group; false when it already was. */
async function claim(
  manager: EntityManager,
  groupId: string,
  topic: string,
  event: CloudEvent<unknown>,
): Promise<boolean> {
  try {
    await manager
      .createQueryBuilder()
      .insert()
      .into(InboxEntryEntity)
      .values({
        consumerGroup: groupId,
        eventId: event.id,
        topic,
        eventType: event.type.slice(0, 255),
        processedAt: new Date(),
      })
      .updateEntity(false)
      .execute();
    return true;
  } catch (error) {
    // A concurrent delivery of the same event waits on the first one's row lock, then lands here.
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}
