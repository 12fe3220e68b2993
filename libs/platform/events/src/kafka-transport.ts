import {
  Kafka,
  logLevel,
  Partitioners,
  type Admin,
  type Consumer,
  type IHeaders,
  type KafkaConfig,
  type KafkaMessage,
  type LogEntry,
  type Producer,
} from 'kafkajs';
import { describeError, silentLogger, type EventLogger } from './event-logger';
import {
  deadLetterMessage,
  deadLetterTopic,
  topicList,
  type EventTransport,
  type MessageHandler,
  type SubscribeOptions,
  type Subscription,
} from './event-transport';
import { deliverWithRetries } from './message-delivery';
import { defaultConsumerRetry, retryPolicy } from './retry-policy';
import type { TransportMessage } from './transport-message';

export interface KafkaTransportOptions {
  brokers: readonly string[];
  clientId: string;
  logger?: EventLogger;
  /** Partitions of one consumer handled at the same time (order holds within a partition). */
  partitionsConsumedConcurrently?: number;
  /** Let the broker create topics on first use; off by default, topics are provisioned. */
  allowAutoTopicCreation?: boolean;
  /** Extra kafkajs settings (ssl, sasl, timeouts). */
  kafka?: Partial<Omit<KafkaConfig, 'brokers' | 'clientId' | 'logCreator'>>;
}

export interface EnsureTopicsOptions {
  /** Broker default when not given. */
  numPartitions?: number;
  replicationFactor?: number;
  /** Also create each topic's `<topic>.dlq` (default true). */
  deadLetterTopics?: boolean;
}

/** kafkajs logs through the service's logger. */
function logCreatorFor(logger: EventLogger): KafkaConfig['logCreator'] {
  return () =>
    ({ namespace, level, log }: LogEntry) => {
      const { message, ...fields } = log;
      const entry = { namespace, ...fields };
      if (level === logLevel.ERROR) logger.error(entry, message);
      else if (level === logLevel.WARN) logger.warn(entry, message);
      else if (level === logLevel.INFO) logger.info(entry, message);
      else logger.debug(entry, message);
    };
}

function headerText(headers: IHeaders | undefined): Record<string, string> {
  const text: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers ?? {})) {
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value !== undefined) text[name] = value.toString();
  }
  return text;
}

function fromKafka(topic: string, message: KafkaMessage): TransportMessage {
  return {
    topic,
    key: message.key?.toString() ?? '',
    headers: headerText(message.headers),
    value: message.value?.toString() ?? '',
  };
}

/**
 * Kafka through kafkajs. The producer is idempotent with acks from all in-sync replicas and one
 * request in flight, so that a retried send neither duplicates nor reorders a partition. Consumers
 * commit an offset by hand, only once the handler (and its database transaction) is done.
 */
export class KafkaTransport implements EventTransport {
  readonly kind = 'kafka' as const;
  private readonly kafka: Kafka;
  private readonly logger: EventLogger;
  private readonly consumers = new Set<{ consumer: Consumer; abort: AbortController }>();
  private producer: Producer | undefined;
  private connecting: Promise<Producer> | undefined;

  constructor(private readonly options: KafkaTransportOptions) {
    if (options.brokers.length === 0) throw new Error('Kafka needs at least one broker');
    this.logger = options.logger ?? silentLogger;
    this.kafka = new Kafka({
      ...options.kafka,
      clientId: options.clientId,
      brokers: [...options.brokers],
      logLevel: logLevel.WARN,
      logCreator: logCreatorFor(this.logger),
    });
  }

  async start(): Promise<void> {
    await this.connectedProducer();
  }

  async stop(): Promise<void> {
    await Promise.all(
      [...this.consumers].map(async (entry) => {
        entry.abort.abort();
        await entry.consumer.disconnect();
        this.consumers.delete(entry);
      }),
    );
    const producer = this.producer;
    this.producer = undefined;
    this.connecting = undefined;
    await producer?.disconnect();
  }

  async publish(messages: readonly TransportMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const producer = await this.connectedProducer();
    const byTopic = new Map<string, TransportMessage[]>();
    for (const message of messages) {
      const list = byTopic.get(message.topic) ?? [];
      list.push(message);
      byTopic.set(message.topic, list);
    }
    await producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, list]) => ({
        topic,
        messages: list.map((message) => ({
          key: message.key,
          value: message.value,
          headers: { ...message.headers },
        })),
      })),
    });
  }

  async subscribe(
    topics: string | readonly string[],
    groupId: string,
    handler: MessageHandler,
    options: SubscribeOptions = {},
  ): Promise<Subscription> {
    const policy = retryPolicy(defaultConsumerRetry, options.retry);
    // The dead-letter topic needs the producer; connect it before taking partitions.
    await this.connectedProducer();
    const consumer = this.kafka.consumer({
      groupId,
      allowAutoTopicCreation: this.options.allowAutoTopicCreation ?? false,
    });
    const abort = new AbortController();
    const entry = { consumer, abort };
    this.consumers.add(entry);
    await consumer.connect();
    // A new group reads from the beginning, like a late subscriber of the embedded bus.
    await consumer.subscribe({ topics: topicList(topics), fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
      eachMessage: async ({ topic, partition, message, heartbeat }) => {
        const transportMessage = fromKafka(topic, message);
        const outcome = await deliverWithRetries({
          message: transportMessage,
          position: `${topic}/${partition}/${message.offset}`,
          groupId,
          handler,
          policy,
          signal: abort.signal,
          logger: this.logger,
          heartbeat,
          deadLetter: async (info) => {
            await this.publish([deadLetterMessage(transportMessage, info)]);
            await options.onDeadLetter?.(transportMessage, info);
          },
        });
        if (outcome === 'aborted') {
          // Throwing keeps kafkajs from resolving this offset: the message is fetched again.
          throw new Error(
            `consumer ${groupId} stopping; ${topic}/${partition}/${message.offset} left`,
          );
        }
        // Only now: the handler's transaction committed, or the message is in the dead letters.
        await consumer.commitOffsets([
          { topic, partition, offset: (BigInt(message.offset) + 1n).toString() },
        ]);
      },
    });
    return {
      stop: async () => {
        if (!this.consumers.has(entry)) return;
        abort.abort();
        await consumer.disconnect();
        this.consumers.delete(entry);
      },
    };
  }

  /** End offsets minus the group's committed offsets, summed over the topic's partitions. */
  async lag(topic: string, groupId: string): Promise<number> {
    const admin: Admin = this.kafka.admin();
    await admin.connect();
    try {
      const [ends, committed] = await Promise.all([
        admin.fetchTopicOffsets(topic),
        admin.fetchOffsets({ groupId, topics: [topic] }),
      ]);
      const committedByPartition = new Map(
        (committed[0]?.partitions ?? []).map((p) => [p.partition, Number(p.offset)]),
      );
      return ends.reduce((sum, end) => {
        const done = committedByPartition.get(end.partition) ?? -1;
        // -1: nothing committed yet, the whole retained partition is pending.
        const pending = Number(end.high) - (done < 0 ? Number(end.low) : done);
        return sum + Math.max(0, pending);
      }, 0);
    } finally {
      await admin.disconnect();
    }
  }

  /** Creates missing topics (development and tests; production topics are provisioned). */
  async ensureTopics(topics: readonly string[], options: EnsureTopicsOptions = {}): Promise<void> {
    const names = new Set(topics);
    if (options.deadLetterTopics ?? true)
      for (const topic of topics) names.add(deadLetterTopic(topic));
    const admin: Admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const missing = [...names].filter((topic) => !existing.has(topic));
      if (missing.length === 0) return;
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({
          topic,
          ...(options.numPartitions === undefined ? {} : { numPartitions: options.numPartitions }),
          ...(options.replicationFactor === undefined
            ? {}
            : { replicationFactor: options.replicationFactor }),
        })),
      });
      this.logger.info({ topics: missing }, 'Kafka topics created');
    } finally {
      await admin.disconnect();
    }
  }

  private async connectedProducer(): Promise<Producer> {
    if (this.producer) return this.producer;
    this.connecting ??= (async () => {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: this.options.allowAutoTopicCreation ?? false,
        // The Java client's partitioner: the same key lands in the same partition as elsewhere.
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      try {
        await producer.connect();
      } catch (error) {
        this.connecting = undefined;
        throw new Error(`could not connect to Kafka: ${describeError(error)}`);
      }
      this.producer = producer;
      return producer;
    })();
    return this.connecting;
  }
}
