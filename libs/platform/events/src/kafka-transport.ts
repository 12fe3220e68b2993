import {
  Kafka,
  logLevel,
  Partitioners,
  type Admin,
  type Consumer,
  type EachBatchPayload,
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
  type TransportHealth,
} from './event-transport';
import { deliverBatchWithRetries } from './message-delivery';
import {
  defaultConsumerRetry,
  retryDelayMs,
  retryPolicy,
  sleep,
  type RetryPolicy,
} from './retry-policy';
import type { TransportMessage } from './transport-message';

export interface KafkaTransportOptions {
  brokers: readonly string[];
  clientId: string;
  logger?: EventLogger;
  /** Partitions of one consumer handled at the same time (order holds within a partition). */
  partitionsConsumedConcurrently?: number;
  /** Let the broker create topics on first use; off by default, topics are provisioned. */
  allowAutoTopicCreation?: boolean;
  /** Extra kafkajs settings (ssl, sasl, timeouts); see `kafkaSecurityFromEnv`. */
  kafka?: Partial<Omit<KafkaConfig, 'brokers' | 'clientId' | 'logCreator'>>;
  /** Waits between attempts to reach the broker or to restart a crashed consumer. */
  reconnect?: Partial<RetryPolicy>;
  /** How long connecting the producer may take before a publish fails (default 10 s). */
  connectTimeoutMs?: number;
}

/** Reconnecting: soon at first, then every 10 s at most, for as long as it takes. */
const defaultReconnect: RetryPolicy = {
  maxAttempts: Number.POSITIVE_INFINITY,
  initialDelayMs: 500,
  maxDelayMs: 10_000,
  factor: 2,
  jitter: 0.2,
};

export interface EnsureTopicsOptions {
  /** Broker default when not given. */
  numPartitions?: number;
  replicationFactor?: number;
  /** Also create each topic's `<topic>.dlq` (default true). */
  deadLetterTopics?: boolean;
}

/** kafkajs logs through the service's logger. */
function logCreatorFor(
  logger: EventLogger,
  onError: (message: string) => void,
): KafkaConfig['logCreator'] {
  return () =>
    ({ namespace, level, log }: LogEntry) => {
      const { message, ...fields } = log;
      const entry = { namespace, ...fields };
      if (level === logLevel.ERROR) {
        onError(message);
        logger.error(entry, message);
      } else if (level === logLevel.WARN) logger.warn(entry, message);
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

/** Until every partition of the topics has a leader (30 s at most). */
async function waitForLeaders(admin: Admin, topics: string[]): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const { topics: found } = await admin.fetchTopicMetadata({ topics });
      const led = found.every(
        (topic) => topic.partitions.length > 0 && topic.partitions.every((p) => p.leader >= 0),
      );
      if (led && found.length === topics.length) return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    if (Date.now() > deadline) throw new Error(`topics without a leader after 30 s: ${topics}`);
    await sleep(100);
  }
}

/** One consumer group member, kept running by `KafkaTransport.supervise`. */
interface Member {
  groupId: string;
  topics: string[];
  abort: AbortController;
  consumer: Consumer | undefined;
  /** Why it is not consuming now; undefined once it has joined its group. */
  problem: string | undefined;
  supervising: Promise<void>;
}

/**
 * Kafka through kafkajs. The producer is idempotent with acks from all in-sync replicas and one
 * request in flight, so that a retried send neither duplicates nor reorders a partition. Consumers
 * commit an offset by hand, only once the handler (and its database transaction) is done.
 *
 * Nothing here gives up on the broker: `start` and `subscribe` return at once and keep trying to
 * connect in the background, a consumer that crashes is made anew, and `health()` says meanwhile
 * what is wrong, so that a service stays alive and reports itself not ready instead of exiting.
 */
export class KafkaTransport implements EventTransport {
  readonly kind = 'kafka' as const;
  private readonly kafka: Kafka;
  private readonly logger: EventLogger;
  private readonly reconnect: RetryPolicy;
  private readonly members = new Set<Member>();
  private producer: Producer | undefined;
  private connecting: Promise<Producer> | undefined;
  private producerProblem: string | undefined;
  /** What kafkajs last logged as an error (a refused certificate, a failed login…). */
  private lastClientError: string | undefined;
  /** The producer being connected, so that `stop()` can end its attempts. */
  private pendingProducer: Producer | undefined;
  private lifecycle = new AbortController();
  private started = false;

  constructor(private readonly options: KafkaTransportOptions) {
    if (options.brokers.length === 0) throw new Error('Kafka needs at least one broker');
    this.logger = options.logger ?? silentLogger;
    this.reconnect = retryPolicy(defaultReconnect, options.reconnect);
    this.kafka = new Kafka({
      ...options.kafka,
      clientId: options.clientId,
      brokers: [...options.brokers],
      logLevel: logLevel.WARN,
      logCreator: logCreatorFor(this.logger, (message) => (this.lastClientError = message)),
    });
  }

  /** Starts connecting the producer; returns at once, connected or not (see `health`). */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    if (this.lifecycle.signal.aborted) this.lifecycle = new AbortController();
    this.producerProblem ??= `connecting to Kafka at ${this.options.brokers.join(',')}`;
    void this.keepProducerConnected(this.lifecycle.signal);
  }

  async stop(): Promise<void> {
    this.started = false;
    this.lifecycle.abort();
    await Promise.all([...this.members].map((member) => this.stopMember(member)));
    const producers = [this.producer, this.pendingProducer];
    this.producer = undefined;
    this.pendingProducer = undefined;
    this.connecting = undefined;
    for (const producer of producers) await producer?.disconnect().catch(() => undefined);
  }

  health(): TransportHealth {
    const problems = [
      ...(this.producerProblem ? [this.producerProblem] : []),
      ...[...this.members].flatMap((member) => (member.problem ? [member.problem] : [])),
    ];
    return { ready: problems.length === 0, problems };
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
    try {
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
      this.producerProblem = undefined;
    } catch (error) {
      this.producerProblem = `cannot publish to Kafka: ${describeError(error)}`;
      // A producer that lost its broker may not find it again; the next try makes a new one.
      if (this.producer === producer) {
        this.producer = undefined;
        this.connecting = undefined;
        void producer.disconnect().catch(() => undefined);
      }
      throw error;
    }
  }

  async subscribe(
    topics: string | readonly string[],
    groupId: string,
    handler: MessageHandler,
    options: SubscribeOptions = {},
  ): Promise<Subscription> {
    const policy = retryPolicy(defaultConsumerRetry, options.retry);
    const member: Member = {
      groupId,
      topics: topicList(topics),
      abort: new AbortController(),
      consumer: undefined,
      problem: `consumer ${groupId} is joining its group`,
      supervising: Promise.resolve(),
    };
    this.members.add(member);
    member.supervising = this.supervise(member, handler, policy, options);
    return { stop: () => this.stopMember(member) };
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
        // kafkajs waits on LEADER_NOT_AVAILABLE only; a KRaft broker answers UNKNOWN_TOPIC for a
        // moment after creating a topic: `waitForLeaders` below waits for both.
        waitForLeaders: false,
        topics: missing.map((topic) => ({
          topic,
          ...(options.numPartitions === undefined ? {} : { numPartitions: options.numPartitions }),
          ...(options.replicationFactor === undefined
            ? {}
            : { replicationFactor: options.replicationFactor }),
        })),
      });
      await waitForLeaders(admin, missing);
      this.logger.info({ topics: missing }, 'Kafka topics created');
    } finally {
      await admin.disconnect();
    }
  }

  private async keepProducerConnected(signal: AbortSignal): Promise<void> {
    for (let failures = 1; !signal.aborted; failures += 1) {
      try {
        await this.connectedProducer();
        return;
      } catch (error) {
        const delayMs = retryDelayMs(this.reconnect, failures);
        this.logger.warn(
          { brokers: this.options.brokers, err: error, retryInMs: delayMs },
          'Kafka unreachable; the service stays up, not ready, and tries again',
        );
        if (!(await sleep(delayMs, signal))) return;
      }
    }
  }

  /**
   * Keeps one member of `groupId` consuming: connect, join, run; when that fails or the consumer
   * crashes later, say so in `health()`, wait, and start a new consumer (kafkajs' own restart is
   * off, so that there is one way back whatever the error).
   */
  private async supervise(
    member: Member,
    handler: MessageHandler,
    policy: RetryPolicy,
    options: SubscribeOptions,
  ): Promise<void> {
    const { groupId } = member;
    const signal = member.abort.signal;
    for (let failures = 0; !signal.aborted;) {
      const consumer = this.kafka.consumer({
        groupId,
        allowAutoTopicCreation: this.options.allowAutoTopicCreation ?? false,
        retry: { retries: 5, restartOnFailure: async () => false },
      });
      member.consumer = consumer;
      const crashed = new Promise<string>((resolve) => {
        consumer.on(consumer.events.CRASH, (event) => {
          const crash = describeError(event.payload.error);
          // Not ready from this moment, not once the restart begins.
          member.problem = `consumer ${groupId} crashed: ${crash}`;
          resolve(crash);
        });
      });
      consumer.on(consumer.events.GROUP_JOIN, () => {
        failures = 0;
        if (member.problem) this.logger.info({ groupId, topics: member.topics }, 'consuming');
        member.problem = undefined;
      });
      let problem: string;
      try {
        await consumer.connect();
        await consumer.subscribe({ topics: member.topics, fromBeginning: true });
        await consumer.run({
          autoCommit: false,
          // Offsets are resolved and committed here, once the messages are handled for good.
          eachBatchAutoResolve: false,
          partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
          eachBatch: (payload) => this.consume(consumer, member, payload, handler, policy, options),
        });
        const stopped = new Promise<void>((resolve) =>
          signal.addEventListener('abort', () => resolve(), { once: true }),
        );
        const crash = await Promise.race([crashed, stopped]);
        if (crash === undefined) return;
        problem = `consumer ${groupId} crashed: ${crash}`;
      } catch (error) {
        problem = `consumer ${groupId} cannot reach Kafka: ${describeError(error)}`;
      }
      if (signal.aborted) return;
      member.problem = problem;
      failures += 1;
      const delayMs = retryDelayMs(this.reconnect, failures);
      this.logger.warn({ groupId, retryInMs: delayMs }, `${problem}; starting it again`);
      await consumer.disconnect().catch(() => undefined);
      if (!(await sleep(delayMs, signal))) return;
    }
  }

  /**
   * A fetched batch of one partition, in chunks of `options.batch.maxMessages` (1 without
   * batching): each chunk is handled (one transaction when batched), then its offsets are
   * resolved and committed; a chunk handled message by message commits each as it is done.
   */
  private async consume(
    consumer: Consumer,
    member: Member,
    { batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload,
    handler: MessageHandler,
    policy: RetryPolicy,
    options: SubscribeOptions,
  ): Promise<void> {
    const { groupId } = member;
    const { topic, partition } = batch;
    const size = Math.max(1, options.batch?.maxMessages ?? 1);
    const commit = async (message: KafkaMessage) => {
      resolveOffset(message.offset);
      await consumer.commitOffsets([
        { topic, partition, offset: (BigInt(message.offset) + 1n).toString() },
      ]);
    };
    for (let start = 0; start < batch.messages.length; start += size) {
      // Stopping, or a rebalance moved the partition's position: the rest is fetched again.
      if (!isRunning() || isStale()) return;
      const chunk = batch.messages.slice(start, start + size);
      let committed = -1;
      const done = await deliverBatchWithRetries({
        entries: chunk.map((message) => ({
          message: fromKafka(topic, message),
          position: `${topic}/${partition}/${message.offset}`,
        })),
        groupId,
        handler,
        batchHandler: options.batch?.handler,
        policy,
        signal: member.abort.signal,
        logger: this.logger,
        heartbeat,
        deadLetter: async (message, info) => {
          await this.publish([deadLetterMessage(message, info)]);
          await options.onDeadLetter?.(message, info);
        },
        onSingleDone: async (index) => {
          const message = chunk[index];
          if (message) await commit(message);
          committed = index;
        },
      });
      const left = chunk[done];
      if (left) {
        // Throwing keeps kafkajs from going on with this partition: the rest is fetched again.
        throw new Error(`consumer ${groupId} stopping; ${topic}/${partition}/${left.offset} left`);
      }
      // Only now: the chunk's transaction committed, or each message is in the dead letters.
      const last = chunk[chunk.length - 1];
      if (last && committed < chunk.length - 1) await commit(last);
      await heartbeat();
    }
  }

  private async stopMember(member: Member): Promise<void> {
    if (!this.members.has(member)) return;
    this.members.delete(member);
    member.abort.abort();
    await member.consumer?.disconnect().catch(() => undefined);
    await member.supervising;
  }

  private async connectedProducer(): Promise<Producer> {
    if (this.producer) return this.producer;
    this.connecting ??= (async () => {
      // Idempotent: kafkajs refuses it here when the client's settings forbid retries.
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: this.options.allowAutoTopicCreation ?? false,
        // The Java client's partitioner: the same key lands in the same partition as elsewhere.
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      this.pendingProducer = producer;
      try {
        // The idempotent producer retries forever: bound the wait, so that a publish fails and
        // the relay tries again later, and health() says why meanwhile.
        const timeoutMs = this.options.connectTimeoutMs ?? 10_000;
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          producer.connect(),
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => {
              const last = this.lastClientError;
              reject(
                new Error(`no connection in ${timeoutMs} ms${last ? ` (last: ${last})` : ''}`),
              );
            }, timeoutMs);
          }),
        ]).finally(() => clearTimeout(timer));
      } catch (error) {
        void producer.disconnect().catch(() => undefined);
        if (this.pendingProducer === producer) this.pendingProducer = undefined;
        this.connecting = undefined;
        this.producerProblem = `cannot reach Kafka at ${this.options.brokers.join(',')}: ${describeError(error)}`;
        throw new Error(`could not connect to Kafka: ${describeError(error)}`);
      }
      this.pendingProducer = undefined;
      this.producer = producer;
      this.producerProblem = undefined;
      return producer;
    })();
    return this.connecting;
  }
}
