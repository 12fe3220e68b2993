import { describeError, type EventLogger } from './event-logger';
import {
  PoisonMessageError,
  type DeadLetterInfo,
  type BatchHandler,
  type DeadLetterReason,
  type MessageHandler,
} from './event-transport';
import { retryDelayMs, sleep, type RetryPolicy } from './retry-policy';
import { isRuleRefusal, isTransientError } from './transient-error';
import type { TransportMessage } from './transport-message';

export type DeliveryOutcome = 'processed' | 'dead-lettered' | 'aborted';

export interface DeliverOptions {
  message: TransportMessage;
  position: string;
  groupId: string;
  handler: MessageHandler;
  policy: RetryPolicy;
  /** Sends the message to the dead letters (topic and hook); throws if it could not. */
  deadLetter: (info: DeadLetterInfo) => Promise<void>;
  /** Aborted when the subscription stops: the message is left for redelivery. */
  signal: AbortSignal;
  logger: EventLogger;
  /** Kafka needs to hear from a consumer that waits between tries. */
  heartbeat?: () => Promise<void>;
}

/**
 * The retry loop both transports share. A transient failure (database or broker away, deadlock,
 * lock wait) is retried with capped backoff for as long as it lasts: the fact is fine, the world
 * is not. A poison message or a rule refusal is dead-lettered at once; any other failure after
 * `policy.maxAttempts` tries. Dead-lettering itself is retried until it works, because skipping a
 * message without a trace would lose it.
 */
export async function deliverWithRetries(options: DeliverOptions): Promise<DeliveryOutcome> {
  const { message, position, groupId, policy, signal, logger } = options;
  let deadLetter: DeadLetterInfo | undefined;
  // Failures that may be the message's fault; transient ones do not count towards maxAttempts.
  let suspectFailures = 0;
  for (let attempt = 1; deadLetter === undefined; attempt += 1) {
    if (signal.aborted) return 'aborted';
    try {
      await options.handler(message, { attempt, maxAttempts: policy.maxAttempts, position });
      return 'processed';
    } catch (error) {
      const fields = { topic: message.topic, key: message.key, position, groupId, attempt };
      const info = (reason: DeadLetterReason, text: string): DeadLetterInfo => ({
        reason,
        error: text,
        attempts: attempt,
        groupId,
        position,
      });
      if (error instanceof PoisonMessageError) {
        deadLetter = info(error.reason, error.message);
      } else if (isTransientError(error)) {
        // Logged at each try until the backoff reaches its ceiling, then every tenth try.
        if (attempt <= 10 || attempt % 10 === 0) {
          logger.warn({ ...fields, err: error }, 'event handler hit a transient failure; waiting');
        }
        if (!(await sleep(retryDelayMs(policy, Math.min(attempt, 30)), signal))) return 'aborted';
        await options.heartbeat?.();
      } else if (isRuleRefusal(error)) {
        logger.error({ ...fields, err: error }, 'a rule refused the event');
        deadLetter = info('rule-refused', describeError(error));
      } else if ((suspectFailures += 1) >= policy.maxAttempts) {
        logger.error({ ...fields, err: error }, 'event handler failed for the last time');
        deadLetter = info('handler-failed', describeError(error));
      } else {
        logger.warn({ ...fields, err: error }, 'event handler failed; will retry');
        if (!(await sleep(retryDelayMs(policy, suspectFailures), signal))) return 'aborted';
        await options.heartbeat?.();
      }
    }
  }
  for (let failures = 1; ; failures += 1) {
    if (signal.aborted) return 'aborted';
    try {
      await options.deadLetter(deadLetter);
      logger.warn(
        { topic: message.topic, key: message.key, position, groupId, reason: deadLetter.reason },
        'message dead-lettered',
      );
      return 'dead-lettered';
    } catch (error) {
      logger.error(
        { topic: message.topic, position, err: error },
        'could not dead-letter a message',
      );
      if (!(await sleep(retryDelayMs(policy, failures), signal))) return 'aborted';
      await options.heartbeat?.();
    }
  }
}

export interface BatchEntry {
  message: TransportMessage;
  position: string;
}

export interface DeliverBatchOptions extends Omit<
  DeliverOptions,
  'message' | 'position' | 'deadLetter'
> {
  /** Consecutive messages of one partition, in order. */
  entries: readonly BatchEntry[];
  /** Handles them all in one go; without it, or for one message, each goes to `handler`. */
  batchHandler?: BatchHandler | undefined;
  deadLetter: (message: TransportMessage, info: DeadLetterInfo) => Promise<void>;
  /** Called once each message handled singly is done (processed or dead-lettered), in order. */
  onSingleDone?: (index: number) => Promise<void>;
}

/**
 * Hands a batch to the batch handler; a transient failure retries the batch with the capped
 * backoff (never dead-letters); any other failure (a poison message, a rule's refusal, a bug)
 * hands the messages over one by one through `deliverWithRetries`, so that one bad message among
 * N costs its own dead letter only. Resolves with how many messages, from the first, are done and
 * may be committed: all of them, unless the subscription stopped meanwhile.
 */
export async function deliverBatchWithRetries(options: DeliverBatchOptions): Promise<number> {
  const { entries, batchHandler, groupId, policy, signal, logger } = options;
  if (entries.length > 1 && batchHandler) {
    const positions = entries.map((entry) => entry.position);
    const messages = entries.map((entry) => entry.message);
    for (let attempt = 1; ; attempt += 1) {
      if (signal.aborted) return 0;
      try {
        await batchHandler(messages, { attempt, positions });
        return entries.length;
      } catch (error) {
        const fields = { groupId, from: positions[0], size: entries.length, attempt };
        if (error instanceof PoisonMessageError || !isTransientError(error)) {
          logger.warn(
            { ...fields, err: error },
            'event batch failed; handling its events one by one',
          );
          break;
        }
        if (attempt <= 10 || attempt % 10 === 0) {
          logger.warn({ ...fields, err: error }, 'event batch hit a transient failure; waiting');
        }
        if (!(await sleep(retryDelayMs(policy, Math.min(attempt, 30)), signal))) return 0;
        await options.heartbeat?.();
      }
    }
  }
  for (const [index, entry] of entries.entries()) {
    const outcome = await deliverWithRetries({
      ...options,
      message: entry.message,
      position: entry.position,
      deadLetter: (info) => options.deadLetter(entry.message, info),
    });
    if (outcome === 'aborted') return index;
    await options.onSingleDone?.(index);
  }
  return entries.length;
}
