import type { RetryPolicy } from './retry-policy';
import type { TransportMessage } from './transport-message';

/** One try at handling a message. */
export interface Delivery {
  /** 1 for the first try. */
  attempt: number;
  maxAttempts: number;
  /** Where the message sits on the transport (`topic/partition/offset`), for dead letters. */
  position: string;
}

/** Resolves once the message is handled for good (its transaction committed); throws to retry. */
export type MessageHandler = (message: TransportMessage, delivery: Delivery) => Promise<void>;

/** One try at handling several messages of one partition together. */
export interface BatchDelivery {
  /** 1 for the first try of this batch. */
  attempt: number;
  /** Where each message sits on the transport, in the batch's order. */
  positions: readonly string[];
}

/**
 * Handles consecutive messages of one partition, in order, all together or not at all (one
 * transaction): resolves once all are handled for good; throws to have the batch retried (a
 * transient failure) or its messages handled one by one with `MessageHandler` (anything else).
 */
export type BatchHandler = (
  messages: readonly TransportMessage[],
  delivery: BatchDelivery,
) => Promise<void>;

export interface BatchOptions {
  /** Most messages handed over at once: those waiting in the partition, up to this (≥ 1). */
  maxMessages: number;
  handler: BatchHandler;
}

/**
 * Why a message was set aside: its envelope is unreadable, it comes from a source that may not
 * publish on its topic, its payload breaks the schema, a domain rule refused it, or its handler
 * kept failing (transient failures never count: they are waited out).
 */
export type DeadLetterReason =
  'invalid-envelope' | 'untrusted-source' | 'invalid-payload' | 'rule-refused' | 'handler-failed';

export interface DeadLetterInfo {
  reason: DeadLetterReason;
  error: string;
  attempts: number;
  groupId: string;
  position: string;
}

/** Called once a message is dead-lettered, before its offset is committed. */
export type DeadLetterHook = (message: TransportMessage, info: DeadLetterInfo) => Promise<void>;

export interface SubscribeOptions {
  retry?: Partial<RetryPolicy>;
  /**
   * Hand the waiting messages of a partition over together. A batch that fails for a reason
   * other than a transient one is handled again message by message (the subscription's handler),
   * so that only a poison message is dead-lettered; a transient failure retries the batch.
   */
  batch?: BatchOptions;
  onDeadLetter?: DeadLetterHook;
  /**
   * Called by the transport when the subscription stopped on its own (a consumer that crashed
   * and will not restart): the service is then not ready, since it consumes nothing.
   */
  onStopped?: (error: unknown) => void;
}

export interface Subscription {
  /** Stops delivering; waits for the handler in progress. Unfinished messages are redelivered. */
  stop(): Promise<void>;
}

/** Whether a transport can do its work now, and if not, why (for `/readyz`). */
export interface TransportHealth {
  ready: boolean;
  /** What is wrong, one line each; empty when ready. */
  problems: string[];
}

/**
 * The port every transport implements. Delivery is at least once; messages with the same key are
 * handled one after the other in publication order, within each consumer group; every group gets
 * every message, and one member of a group gets it once (retries aside). A handler that throws is
 * retried with backoff and, after `retry.maxAttempts`, the message goes to `<topic>.dlq` and the
 * next one flows; a handler that throws PoisonMessageError is dead-lettered at once.
 */
export interface EventTransport {
  readonly kind: 'kafka' | 'embedded';
  /** Connects; idempotent. `publish` and `subscribe` call it when needed. */
  start(): Promise<void>;
  /** Stops every subscription (waiting for handlers in progress), then disconnects. */
  stop(): Promise<void>;
  /** Resolves once every message is durably accepted; order is kept per key. */
  publish(messages: readonly TransportMessage[]): Promise<void>;
  subscribe(
    topics: string | readonly string[],
    groupId: string,
    handler: MessageHandler,
    options?: SubscribeOptions,
  ): Promise<Subscription>;
  /** Messages of a topic that a consumer group has not handled yet (the consumer lag). */
  lag(topic: string, groupId: string): Promise<number>;
  /** Connected and consuming; a transport without it is always ready. */
  health?(): TransportHealth;
}

/** A message that no retry can fix: dead-letter it now. */
export class PoisonMessageError extends Error {
  constructor(
    readonly reason: Exclude<DeadLetterReason, 'handler-failed' | 'rule-refused'>,
    message: string,
  ) {
    super(message);
    this.name = 'PoisonMessageError';
  }
}

export function topicList(topics: string | readonly string[]): string[] {
  return typeof topics === 'string' ? [topics] : [...topics];
}

/** Where a topic's dead letters go. */
export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}

export const deadLetterHeaders = {
  reason: 'x-dead-letter-reason',
  error: 'x-dead-letter-error',
  group: 'x-dead-letter-group',
  attempts: 'x-dead-letter-attempts',
  originalTopic: 'x-original-topic',
  originalPosition: 'x-original-position',
} as const;

/** The original record with why it failed, bound for `<topic>.dlq`. */
export function deadLetterMessage(
  message: TransportMessage,
  info: DeadLetterInfo,
): TransportMessage {
  return {
    topic: deadLetterTopic(message.topic),
    key: message.key,
    headers: {
      ...message.headers,
      [deadLetterHeaders.reason]: info.reason,
      [deadLetterHeaders.error]: info.error.slice(0, 2000),
      [deadLetterHeaders.group]: info.groupId,
      [deadLetterHeaders.attempts]: String(info.attempts),
      [deadLetterHeaders.originalTopic]: message.topic,
      [deadLetterHeaders.originalPosition]: info.position,
    },
    value: message.value,
  };
}
