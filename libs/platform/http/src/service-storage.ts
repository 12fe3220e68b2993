import type { DataSource } from 'typeorm';
import { ServiceEvents } from '@certif/platform-events';
import { metricsRegistry } from '@certif/platform-observability';
import {
  databaseTarget,
  describeTarget,
  openDataSource,
  watchConnectionPool,
  type ServiceSchema,
} from '@certif/platform-persistence';
import type { ServiceStartOptions } from './service-module';

export interface ServiceStorage {
  dataSource: DataSource;
  /** Publish through `events.outbox` in a transaction; subscribe with `events.on` before `start()`. */
  events: ServiceEvents;
}

/**
 * A service's own database, its schema brought up to date, and its event plumbing (outbox,
 * relay, idempotent consumer) on Kafka or the process's embedded bus, with their metrics.
 */
export async function openServiceStorage(
  service: string,
  schema: ServiceSchema,
  options: ServiceStartOptions,
): Promise<ServiceStorage> {
  const target = databaseTarget(
    service,
    options.databaseUrl,
    options.dataDir,
    options.databasePrefix,
  );
  const dataSource = await openDataSource({ ...schema, target });
  options.logger.info(`${service} data in ${describeTarget(target)}`);
  watchConnectionPool(metricsRegistry(), service, dataSource);
  const events = new ServiceEvents({
    service,
    dataSource,
    logger: options.logger,
    registry: metricsRegistry(),
    kafkaBrokers: options.kafkaBrokers,
    ...(options.eventRetention ? { retention: options.eventRetention } : {}),
    ...(options.bus ? { bus: options.bus } : {}),
  });
  return { dataSource, events };
}

/**
 * What a service's `/readyz` answers: the database answers, and its events flow (the consumer is
 * consuming, the broker reachable). Not ready is the signal to take it out of rotation and look.
 */
export function serviceReadiness(
  dataSource: DataSource,
  events: ServiceEvents,
): () => Promise<boolean> {
  return async () => (await dataSource.query('SELECT 1')) !== undefined && (await events.ready());
}
