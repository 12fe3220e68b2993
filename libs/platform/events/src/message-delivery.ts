import { describeError, type EventLogger } from './event-logger';
import { PoisonMessageError, type DeadLetterInfo, type MessageHandler } from './event-transport';
import { retryDelayMs, sleep, type RetryPolicy } from './retry-policy';
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
 * The retry loop both transports share: try, wait with exponential backoff, try again; after the
 * last try — or at once for a poison message — dead-letter it. Dead-lettering itself is retried
 * until it works, because skipping a message without a trace would lose it.
 */
export async function deliverWithRetries(options: DeliverOptions): Promise<DeliveryOutcome> {
  const { message, position, groupId, policy, signal, logger } = options;
  let deadLetter: DeadLetterInfo | undefined;
  for (let attempt = 1; deadLetter === undefined; attempt += 1) {
    if (signal.aborted) return 'aborted';
    try {
      await options.handler(message, { attempt, maxAttempts: policy.maxAttempts, position });
      return 'processed';
    } catch (error) {
      const fields = { topic: message.topic, key: message.key, position, groupId, attempt };
      if (error instanceof PoisonMessageError) {
        deadLetter = {
          reason: error.reason,
          error: error.message,
          attempts: attempt,
          groupId,
          position,
        };
      } else if (attempt >= policy.maxAttempts) {
        logger.error({ ...fields, err: error }, 'event handler failed for the last time');
        deadLetter = {
          reason: 'handler-failed',
          error: describeError(error),
          attempts: attempt,
          groupId,
          position,
        };
      } else {
        logger.warn({ ...fields, err: error }, 'event handler failed; will retry');
        if (!(await sleep(retryDelayMs(policy, attempt), signal))) return 'aborted';
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
