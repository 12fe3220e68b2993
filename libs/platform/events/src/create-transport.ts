import type { EmbeddedBus } from './embedded-bus';
import { EmbeddedTransport } from './embedded-transport';
import { silentLogger, type EventLogger } from './event-logger';
import type { EventTransport } from './event-transport';
import {
  describeKafkaSecurity,
  kafkaSecurityFromEnv,
  type KafkaSecurityEnv,
} from './kafka-security';
import { KafkaTransport } from './kafka-transport';

export interface CreateTransportOptions {
  /** `KAFKA_BROKERS`: host:port,host:port. Unset or empty: the embedded in-process bus. */
  kafkaBrokers?: string | undefined;
  clientId: string;
  logger?: EventLogger;
  /** The embedded bus to use; the process-wide one by default. */
  bus?: EmbeddedBus;
  /** Where `KAFKA_SSL`, `KAFKA_SASL_*` are read (the process's environment by default). */
  env?: KafkaSecurityEnv;
}

export function createTransport(options: CreateTransportOptions): EventTransport {
  const logger = options.logger ?? silentLogger;
  const brokers = (options.kafkaBrokers ?? '')
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker !== '');
  if (brokers.length > 0) {
    // Bad settings stop the service at start, each key named, like the rest of its environment.
    const security = kafkaSecurityFromEnv(options.env ?? process.env);
    logger.info(
      { brokers, clientId: options.clientId, security: describeKafkaSecurity(security) },
      'events travel through Kafka',
    );
    return new KafkaTransport({ brokers, clientId: options.clientId, logger, kafka: security });
  }
  logger.info({ clientId: options.clientId }, 'events travel through the embedded in-process bus');
  return new EmbeddedTransport({ logger, ...(options.bus ? { bus: options.bus } : {}) });
}
