import { embeddedBus, type EmbeddedBus, type GroupMember } from './embedded-bus';
import { silentLogger, type EventLogger } from './event-logger';
import {
  deadLetterMessage,
  topicList,
  type EventTransport,
  type MessageHandler,
  type SubscribeOptions,
  type Subscription,
} from './event-transport';
import { deliverBatchWithRetries } from './message-delivery';
import { defaultConsumerRetry, retryPolicy } from './retry-policy';
import type { TransportMessage } from './transport-message';

export interface EmbeddedTransportOptions {
  /** Defaults to the process-wide bus, shared by every service of the process. */
  bus?: EmbeddedBus;
  logger?: EventLogger;
}

/**
 * One service's connection to an in-process bus. Stopping it stops this service's subscriptions;
 * the bus and its messages stay for the others.
 */
export class EmbeddedTransport implements EventTransport {
  readonly kind = 'embedded' as const;
  readonly bus: EmbeddedBus;
  private readonly logger: EventLogger;
  private readonly subscriptions = new Set<Subscription>();

  constructor(options: EmbeddedTransportOptions = {}) {
    this.bus = options.bus ?? embeddedBus();
    this.logger = options.logger ?? silentLogger;
  }

  /** Nothing to connect to: the bus is in this process. */
  start(): Promise<void> {
    return Promise.resolve();
  }

  async stop(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
  }

  async publish(messages: readonly TransportMessage[]): Promise<void> {
    this.bus.append(messages);
  }

  async lag(topic: string, groupId: string): Promise<number> {
    return this.bus.lag(topic, groupId);
  }

  async subscribe(
    topics: string | readonly string[],
    groupId: string,
    handler: MessageHandler,
    options: SubscribeOptions = {},
  ): Promise<Subscription> {
    const policy = retryPolicy(defaultConsumerRetry, options.retry);
    const abort = new AbortController();
    const inFlight = new Set<Promise<number>>();
    const { bus, logger } = this;
    const member: GroupMember = {
      get stopping() {
        return abort.signal.aborted;
      },
      maxBatch: options.batch?.maxMessages ?? 1,
      deliver(messages, positions) {
        const delivery = deliverBatchWithRetries({
          entries: messages.map((message, i) => ({ message, position: positions[i] ?? '' })),
          groupId,
          handler,
          batchHandler: options.batch?.handler,
          policy,
          signal: abort.signal,
          logger,
          deadLetter: async (message, info) => {
            bus.append([deadLetterMessage(message, info)]);
            await options.onDeadLetter?.(message, info);
          },
        });
        inFlight.add(delivery);
        void delivery.finally(() => inFlight.delete(delivery));
        return delivery;
      },
    };
    const leave = topicList(topics).map((topic) => bus.join(topic, groupId, member));
    const subscription: Subscription = {
      stop: async () => {
        abort.abort();
        for (const leaveGroup of leave) leaveGroup();
        await Promise.allSettled([...inFlight]);
        this.subscriptions.delete(subscription);
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }
}
