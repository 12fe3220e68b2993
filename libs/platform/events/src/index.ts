// Events between services: typed CloudEvents contracts, a transactional outbox and its relay,
// idempotent consumers, and two transports (Kafka, or an in-process bus when KAFKA_BROKERS is
// unset). Test support is in `@certif/platform-events/testing`. See README.md for the guarantees.
export * from './cloud-event';
export * from './event-definition';
export * from './event-logger';
export * from './event-transport';
export type { TransportMessage } from './transport-message';
export { defaultConsumerRetry, defaultRelayRetry, type RetryPolicy } from './retry-policy';
export { EmbeddedBus, embeddedBus, type EmbeddedBusOptions } from './embedded-bus';
export { EmbeddedTransport, type EmbeddedTransportOptions } from './embedded-transport';
export {
  KafkaTransport,
  type KafkaTransportOptions,
  type EnsureTopicsOptions,
} from './kafka-transport';
export { createTransport, type CreateTransportOptions } from './create-transport';
export {
  kafkaSecurityFromEnv,
  kafkaSecurityKeys,
  describeKafkaSecurity,
  KafkaSecurityError,
  type KafkaSecurity,
  type KafkaSecurityEnv,
} from './kafka-security';
export { eventsSchema } from './events-schema';
export { OutboxMessageEntity } from './outbox-message.entity';
export { InboxEntryEntity } from './inbox-entry.entity';
export { DeadLetterEntity, type StoredMessage } from './dead-letter.entity';
export { CreateEventsTables1700000000001 } from './events-migrations';
export { runInTransaction, type TransactionOptions } from './run-in-transaction';
export { Outbox, causedBy, type OutboxOptions, type PublishOptions } from './outbox';
export { OutboxRelay, type OutboxRelayOptions } from './outbox-relay';
export {
  EventConsumer,
  defaultEventBatchSize,
  type EventBatch,
  type EventConsumerOptions,
  type EventHandler,
  type RouteOptions,
} from './idempotent-consumer';
export { EventMetrics, type EventMetricsOptions, type ConsumeOutcome } from './event-metrics';
export { readOutboxStatus, type OutboxStatus } from './outbox-status';
export * from './dead-letter-admin';
export * from './outbox-admin';
export * from './events-admin-command';
export { ServiceEvents, type ServiceEventsOptions } from './service-events';
export { isTransientError, isRuleRefusal } from './transient-error';
export { erasePersonalData, ERASED_PAYLOAD, type ErasureReport } from './personal-data-erasure';
export * from './retention';
