import { Counter, Gauge, register as globalRegistry, type Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { readOutboxStatus, type OutboxStatus } from './outbox-status';

export interface EventMetricsOptions {
  /** Label of everything this service reports (several services may share one process). */
  service: string;
  /** prom-client's global registry by default. */
  registry?: Registry;
}

export type ConsumeOutcome = 'processed' | 'duplicate' | 'ignored';

/** Outboxes to look at when the registry is scraped, per registry and service. */
const watchedOutboxes = new WeakMap<Registry, Map<string, DataSource>>();

function outboxesOf(registry: Registry): Map<string, DataSource> {
  let outboxes = watchedOutboxes.get(registry);
  if (!outboxes) {
    outboxes = new Map();
    watchedOutboxes.set(registry, outboxes);
  }
  return outboxes;
}

interface WatchedConsumer {
  service: string;
  groupId: string;
  topics: readonly string[];
  lag(topic: string, groupId: string): Promise<number>;
}

/** Consumers whose lag is read when the registry is scraped, per registry. */
const watchedConsumers = new WeakMap<Registry, Map<string, WatchedConsumer>>();

function consumersOf(registry: Registry): Map<string, WatchedConsumer> {
  let consumers = watchedConsumers.get(registry);
  if (!consumers) {
    consumers = new Map();
    watchedConsumers.set(registry, consumers);
  }
  return consumers;
}

/** The registry's metric of that name, created once: services of one process share it. */
function shared<M>(registry: Registry, name: string, create: () => M): M {
  return (registry.getSingleMetric(name) as M | undefined) ?? create();
}

/**
 * Prometheus metrics of the events machinery. Every metric carries a `service` label; the
 * outbox gauges are read from the database when the registry is scraped.
 */
export class EventMetrics {
  readonly service: string;
  private readonly registry: Registry;
  private readonly published_: Counter<'service' | 'topic'>;
  private readonly deliveryFailures: Counter<'service' | 'topic'>;
  private readonly deadLetters: Counter<'service' | 'group' | 'topic' | 'reason'>;
  private readonly consumed_: Counter<'service' | 'group' | 'topic' | 'outcome'>;

  constructor(options: EventMetricsOptions) {
    this.service = options.service;
    const registry = options.registry ?? globalRegistry;
    this.registry = registry;
    const registers = [registry];
    this.published_ = shared(
      registry,
      'certif_events_published_total',
      () =>
        new Counter({
          name: 'certif_events_published_total',
          help: 'Outbox rows the relay handed to the transport',
          labelNames: ['service', 'topic'],
          registers,
        }),
    );
    this.deliveryFailures = shared(
      registry,
      'certif_events_delivery_failures_total',
      () =>
        new Counter({
          name: 'certif_events_delivery_failures_total',
          help: 'Outbox rows whose send failed (each is retried with backoff)',
          labelNames: ['service', 'topic'],
          registers,
        }),
    );
    this.deadLetters = shared(
      registry,
      'certif_events_dead_letters_total',
      () =>
        new Counter({
          name: 'certif_events_dead_letters_total',
          help: 'Messages a consumer set aside in its dead letters',
          labelNames: ['service', 'group', 'topic', 'reason'],
          registers,
        }),
    );
    this.consumed_ = shared(
      registry,
      'certif_events_consumed_total',
      () =>
        new Counter({
          name: 'certif_events_consumed_total',
          help: 'Events a consumer handled (processed), skipped as already handled (duplicate), or has no handler for (ignored)',
          labelNames: ['service', 'group', 'topic', 'outcome'],
          registers,
        }),
    );
    shared(
      registry,
      'certif_events_outbox_unsent',
      () =>
        new Gauge({
          name: 'certif_events_outbox_unsent',
          help: 'Outbox rows not yet sent',
          labelNames: ['service'],
          registers,
          async collect() {
            const statuses = await collectOutboxes(registry);
            this.reset();
            for (const [service, status] of statuses) this.set({ service }, status.unsent);
          },
        }),
    );
    shared(
      registry,
      'certif_events_outbox_oldest_unsent_age_seconds',
      () =>
        new Gauge({
          name: 'certif_events_outbox_oldest_unsent_age_seconds',
          help: 'Age of the oldest unsent outbox row; 0 when none. Growing: the relay is stuck',
          labelNames: ['service'],
          registers,
          async collect() {
            const statuses = await collectOutboxes(registry);
            this.reset();
            for (const [service, status] of statuses) {
              const age = status.oldestUnsentAt
                ? (Date.now() - status.oldestUnsentAt.getTime()) / 1000
                : 0;
              this.set({ service }, Math.max(0, age));
            }
          },
        }),
    );
  }

  /** Reports a consumer group's lag on its topics (messages not handled yet) from now on. */
  watchConsumer(
    groupId: string,
    topics: readonly string[],
    transport: { lag(topic: string, groupId: string): Promise<number> },
  ): void {
    const registry = this.registry;
    shared(
      this.registry,
      'certif_events_consumer_lag',
      () =>
        new Gauge({
          name: 'certif_events_consumer_lag',
          help: 'Messages of a topic a consumer group has not handled yet. Growing: the consumer falls behind',
          labelNames: ['service', 'group', 'topic'],
          registers: [this.registry],
          async collect() {
            this.reset();
            for (const consumer of consumersOf(registry).values()) {
              for (const topic of consumer.topics) {
                try {
                  this.set(
                    { service: consumer.service, group: consumer.groupId, topic },
                    await consumer.lag(topic, consumer.groupId),
                  );
                } catch {
                  // A broker that does not answer leaves the series out rather than failing the scrape.
                }
              }
            }
          },
        }),
    );
    consumersOf(this.registry).set(`${this.service}/${groupId}`, {
      service: this.service,
      groupId,
      topics,
      lag: (topic, group) => transport.lag(topic, group),
    });
  }

  /** Reports this service's outbox in the gauges from now on. */
  watchOutbox(dataSource: DataSource): void {
    outboxesOf(this.registry).set(this.service, dataSource);
  }

  published(topics: readonly string[]): void {
    for (const topic of topics) this.published_.inc({ service: this.service, topic });
  }

  deliveryFailed(topics: readonly string[]): void {
    for (const topic of topics) this.deliveryFailures.inc({ service: this.service, topic });
  }

  deadLettered(group: string, topic: string, reason: string): void {
    this.deadLetters.inc({ service: this.service, group, topic, reason });
  }

  consumed(group: string, topic: string, outcome: ConsumeOutcome): void {
    this.consumed_.inc({ service: this.service, group, topic, outcome });
  }
}

/**
 * One query per watched outbox, shared by both gauges of a scrape. A database that does not
 * answer is left out rather than failing the whole scrape.
 */
const inFlight = new WeakMap<Registry, Promise<Map<string, OutboxStatus>>>();

function collectOutboxes(registry: Registry): Promise<Map<string, OutboxStatus>> {
  let pending = inFlight.get(registry);
  if (!pending) {
    pending = (async () => {
      const statuses = new Map<string, OutboxStatus>();
      await Promise.all(
        [...outboxesOf(registry)].map(async ([service, dataSource]) => {
          if (!dataSource.isInitialized) return;
          try {
            statuses.set(service, await readOutboxStatus(dataSource));
          } catch {
            // Reported by the service's health check, not by a failed scrape.
          }
        }),
      );
      return statuses;
    })();
    inFlight.set(registry, pending);
    void pending.finally(() => inFlight.delete(registry));
  }
  return pending;
}
