import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { CloudEvent } from './cloud-event';
import { noteOutboxWrite } from './commit-signal';
import { checkPayload, InvalidEventPayload, type EventDefinition } from './event-definition';
import { erasePersonalData } from './personal-data-erasure';
import { OutboxMessageEntity } from './outbox-message.entity';
import { currentTraceparent } from '@certif/platform-observability';

export interface OutboxOptions {
  /** CloudEvents `source` of everything this service publishes, e.g. `certif/sessions`. */
  source: string;
  /** Where `time` comes from (tests). */
  now?: () => Date;
}

export interface PublishOptions {
  /** The chain this event belongs to; a new chain (this event's id) when not given. */
  correlationId?: string;
  /** The event that caused this one. */
  causationId?: string;
  traceparent?: string;
}

/** Options that chain an event to the one being handled. */
export function causedBy(event: CloudEvent<unknown>): PublishOptions {
  return {
    correlationId: event.correlationid,
    causationId: event.id,
    ...(event.traceparent === undefined ? {} : { traceparent: event.traceparent }),
  };
}

/**
 * Writes events to the outbox table in the caller's transaction, so that an event exists if and
 * only if the change that caused it committed. The relay sends them afterwards.
 */
export class Outbox {
  private readonly source: string;
  private readonly now: () => Date;

  constructor(options: OutboxOptions) {
    if (!options.source.trim()) throw new Error('An outbox needs a source, e.g. certif/sessions');
    this.source = options.source;
    this.now = options.now ?? (() => new Date());
  }

  /** Validates the payload (throws InvalidEventPayload) and writes the event with `manager`. */
  async publish<T>(
    manager: EntityManager,
    definition: EventDefinition<T>,
    payload: T,
    options: PublishOptions = {},
  ): Promise<CloudEvent<T>> {
    const [event] = await this.publishMany(manager, definition, [payload], options);
    if (!event) throw new Error('the outbox wrote no event');
    return event;
  }

  /** Several events of one type in one INSERT (e.g. one per component a jury awarded). */
  async publishMany<T>(
    manager: EntityManager,
    definition: EventDefinition<T>,
    payloads: readonly T[],
    options: PublishOptions = {},
  ): Promise<CloudEvent<T>[]> {
    if (payloads.length === 0) return [];
    const now = this.now();
    const events = payloads.map((payload) => this.envelope(definition, payload, now, options));
    const rows = events.map((event): QueryDeepPartialEntity<OutboxMessageEntity> => ({
      eventId: event.id,
      topic: definition.topic,
      eventKey: definition.key(event.data),
      eventType: event.type,
      // TypeORM's partial type cannot follow `data: unknown`; the column is plain JSON.
      envelope: event as QueryDeepPartialEntity<CloudEvent>,
      createdAt: now,
      availableAt: now,
      sentAt: null,
      attempts: 0,
      lastError: null,
    }));
    await manager
      .createQueryBuilder()
      .insert()
      .into(OutboxMessageEntity)
      .values(rows)
      .updateEntity(false)
      .execute();
    noteOutboxWrite(manager);
    for (const event of events) {
      const erased = definition.erases?.(event.data);
      if (erased) await erasePersonalData(manager, erased);
    }
    return events;
  }

  private envelope<T>(
    definition: EventDefinition<T>,
    payload: T,
    now: Date,
    options: PublishOptions,
  ): CloudEvent<T> {
    const checked = checkPayload(definition, payload);
    if (!checked.success) throw new InvalidEventPayload(definition.type, checked.problems);
    const data = checked.data;
    const key = definition.key(data);
    if (!key || key.length > 255) {
      throw new InvalidEventPayload(
        definition.type,
        `the key must be 1 to 255 characters: "${key}"`,
      );
    }
    const id = randomUUID();
    const event: CloudEvent<T> = {
      specversion: '1.0',
      id,
      type: definition.type,
      source: this.source,
      time: now.toISOString(),
      subject: definition.subject(data),
      datacontenttype: 'application/json',
      correlationid: options.correlationId ?? id,
      data,
    };
    if (options.causationId !== undefined) event.causationid = options.causationId;
    // The trace of the request that caused the change follows the event to its consumers.
    const traceparent = options.traceparent ?? currentTraceparent();
    if (traceparent !== undefined) event.traceparent = traceparent;
    return event;
  }
}
