import { z } from 'zod';
import { isLocalDate, type LocalDate } from '@certif/platform-calendar';

/**
 * A calendar date in an event payload, "YYYY-MM-DD" (the contract's `Date` scalar). One schema
 * for every context's contract, so that producers and consumers agree on what a date looks like.
 */
export const contractDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
  .refine(isLocalDate, 'a real calendar date')
  .transform((value) => value as LocalDate);

/**
 * The contract of one event type: where it goes, what its payload must look like, and which
 * aggregate it belongs to (the key, which gives per-aggregate ordering). Shared by the producer
 * and every consumer, so that both validate against the same schema.
 */
export interface EventDefinition<T> {
  /** CloudEvents `type`, e.g. `certif.sessions.title-awarded.v1`. */
  readonly type: string;
  readonly topic: string;
  /**
   * The only CloudEvents `source` a consumer accepts on this topic: the producer the contract
   * names (`certif/<service>`). Anything else is dead-lettered as `untrusted-source`.
   */
  readonly source: string;
  readonly schema: z.ZodType<T>;
  /** The aggregate id: events with the same key are delivered in the order they were published. */
  key(payload: T): string;
  /** CloudEvents `subject`; the key when not given. */
  subject(payload: T): string;
  /**
   * For an event that erases a person (R13): the key whose personal data the event tables must
   * forget. The producer's outbox and every consumer scrub theirs in the event's transaction.
   */
  erases?(payload: T): string | undefined;
}

export interface EventDefinitionSpec<S extends z.ZodType> {
  type: string;
  topic: string;
  /** Default `certif/<the topic's first segment>`: topics are named after their producer. */
  source?: string;
  schema: S;
  key: (payload: z.output<S>) => string;
  subject?: (payload: z.output<S>) => string;
  erases?: (payload: z.output<S>) => string | undefined;
}

/** The payload type of an event definition. */
export type EventPayload<D> = D extends EventDefinition<infer T> ? T : never;

export function defineEvent<S extends z.ZodType>(
  spec: EventDefinitionSpec<S>,
): EventDefinition<z.output<S>> {
  if (!spec.type.trim()) throw new Error('An event definition needs a type');
  if (!/^[a-zA-Z0-9._-]{1,249}$/.test(spec.topic)) {
    throw new Error(`"${spec.topic}" is not a valid Kafka topic name`);
  }
  const subject = spec.subject ?? spec.key;
  return {
    type: spec.type,
    topic: spec.topic,
    source: spec.source ?? `certif/${spec.topic.split('.')[0]}`,
    schema: spec.schema as z.ZodType<z.output<S>>,
    key: (payload) => spec.key(payload),
    subject: (payload) => subject(payload),
    ...(spec.erases ? { erases: spec.erases } : {}),
  };
}

export type PayloadCheck<T> = { success: true; data: T } | { success: false; problems: string };

/** Validates a payload against its definition; `problems` is readable by a person. */
export function checkPayload<T>(definition: EventDefinition<T>, payload: unknown): PayloadCheck<T> {
  const result = definition.schema.safeParse(payload);
  if (result.success) return { success: true, data: result.data };
  return { success: false, problems: z.prettifyError(result.error) };
}

/** A producer tried to publish a payload its own definition refuses: a bug, never retried. */
export class InvalidEventPayload extends Error {
  constructor(
    readonly eventType: string,
    readonly problems: string,
  ) {
    super(`${eventType}: the payload does not match the event's schema:\n${problems}`);
    this.name = 'InvalidEventPayload';
  }
}
