import type { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { createTransport } from './create-transport';
import type { EmbeddedBus } from './embedded-bus';
import type { EventDefinition } from './event-definition';
import type { EventLogger } from './event-logger';
import { EventMetrics } from './event-metrics';
import type { EventTransport, TransportHealth } from './event-transport';
import { EventConsumer, type EventHandler, type RouteOptions } from './idempotent-consumer';
import { Outbox } from './outbox';
import { OutboxRelay } from './outbox-relay';
import { defaultRetention, schedulePrune, type RetentionPolicy } from './retention';

export interface ServiceEventsOptions {
  /** The service name: CloudEvents source `certif/<service>`, consumer group, metrics label. */
  service: string;
  dataSource: DataSource;
  logger: EventLogger;
  /** `KAFKA_BROKERS`; unset: the embedded bus. */
  kafkaBrokers?: string | undefined;
  /** The embedded bus shared by the services of one process (the process-wide one by default). */
  bus?: EmbeddedBus;
  registry?: Registry;
  /** How long the event tables keep sent rows, inbox ids and dead letters; pruned on a schedule. */
  retention?: Partial<RetentionPolicy>;
  /** Waiting events of a partition the consumer handles in one transaction, at most (50). */
  batchSize?: number;
  /** A transport made elsewhere (tests); `kafkaBrokers` and `bus` are then not used. */
  transport?: EventTransport;
}

/**
 * A service's whole event plumbing: publish with `outbox.publish(manager, …)` inside a
 * transaction, subscribe with `on(definition, handler)` before `start()`.
 */
export class ServiceEvents {
  readonly outbox: Outbox;
  readonly transport: EventTransport;
  private readonly relay: OutboxRelay;
  private readonly consumer: EventConsumer;
  private subscribed = false;
  private readonly retention: RetentionPolicy;
  private stopPruning: (() => void) | undefined;

  private readonly dataSource: DataSource;
  private readonly logger: EventLogger;

  constructor(options: ServiceEventsOptions) {
    const { service, dataSource, logger } = options;
    this.dataSource = dataSource;
    this.logger = logger;
    const metrics = new EventMetrics({
      service,
      ...(options.registry ? { registry: options.registry } : {}),
    });
    this.transport =
      options.transport ??
      createTransport({
        kafkaBrokers: options.kafkaBrokers,
        clientId: service,
        logger,
        ...(options.bus ? { bus: options.bus } : {}),
      });
    this.retention = { ...defaultRetention, ...options.retention };
    this.outbox = new Outbox({ source: `certif/${service}` });
    this.relay = new OutboxRelay({ dataSource, transport: this.transport, logger, metrics });
    this.consumer = new EventConsumer({
      dataSource,
      transport: this.transport,
      groupId: service,
      logger,
      metrics,
      ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
    });
  }

  on<T>(definition: EventDefinition<T>, handler: EventHandler<T>, options?: RouteOptions): this {
    this.consumer.on(definition, handler, options);
    this.subscribed = true;
    return this;
  }

  async start(): Promise<void> {
    await this.transport.start();
    await this.relay.start();
    if (this.subscribed) await this.consumer.start();
    this.stopPruning ??= schedulePrune(this.dataSource, this.retention, this.logger);
  }

  /** Stops consuming first, then lets the relay finish its batch. */
  async stop(): Promise<void> {
    this.stopPruning?.();
    this.stopPruning = undefined;
    await this.consumer.stop();
    await this.relay.stop();
    await this.transport.stop();
  }

  /**
   * Whether events flow: the service's consumer (when it subscribes) is consuming, and the
   * transport reaches its broker with every consumer running. Each problem is named, for /readyz.
   */
  health(): TransportHealth {
    const transport = this.transport.health?.() ?? { ready: true, problems: [] };
    const problems = [...transport.problems];
    if (this.subscribed && !this.consumer.consuming) problems.push('the event consumer is stopped');
    return { ready: transport.ready && problems.length === 0, problems };
  }

  /** `health().ready`, for callers that only need the answer. */
  async ready(): Promise<boolean> {
    return this.health().ready;
  }

  /** Sends what the outbox holds now (tests, and shutdown paths that want it flushed). */
  drain(): Promise<number> {
    return this.relay.drainOnce();
  }
}
