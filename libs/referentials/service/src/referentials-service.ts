import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ServiceEvents } from '@certif/platform-events';
import { identityFromGateway, subgraphSdl } from '@certif/platform-graphql';
import {
  openServiceStorage,
  startHttpService,
  storageReadiness,
  type RunningService,
  type ServiceModule,
  type ServiceStartOptions,
} from '@certif/platform-http';
import {
  createReferentialsLoaders,
  OutboxCertificationEvents,
  TypeOrmReferentialsUnitOfWork,
  type ReferentialsContext,
} from '@certif/referentials-adapters';
import { CertificationCatalog, loadSeedCertifications } from '@certif/referentials-application';
import { SEED_CERTIFICATIONS } from '@certif/referentials-seeds';
import { buildReferentialsSchema } from './referentials-subgraph';
import { referentialsSchema } from './referentials-schema';

export interface RunningReferentialsService extends RunningService {
  dataSource: DataSource;
  catalog: CertificationCatalog;
  events: ServiceEvents;
}

/** Composition root: database, events, use cases, subgraph over HTTP. */
export async function startReferentialsService(
  options: ServiceStartOptions & { loadSeeds?: boolean },
): Promise<RunningReferentialsService> {
  const { logger } = options;
  const { dataSource, events } = await openServiceStorage(
    'referentials',
    referentialsSchema,
    options,
  );
  const catalog = new CertificationCatalog({
    unitOfWork: new TypeOrmReferentialsUnitOfWork(
      dataSource,
      (manager) => new OutboxCertificationEvents(events.outbox, manager),
    ),
    clock: options.clock,
    newId: randomUUID,
  });
  await events.start();
  if (options.loadSeeds ?? true) {
    const report = await loadSeedCertifications(catalog, SEED_CERTIFICATIONS);
    if (report.loaded.length > 0)
      logger.info({ codes: report.loaded }, 'seed certifications loaded');
  }

  const schema = await buildReferentialsSchema(catalog);
  const http = await startHttpService<ReferentialsContext>({
    name: 'referentials',
    port: options.port,
    logger,
    schema,
    context: async (request, requestId) => ({
      principal: await identityFromGateway(options.internalSecret, request.headers),
      requestId,
      logger: logger.child({ requestId }),
      loaders: createReferentialsLoaders(catalog),
    }),
    readiness: () => storageReadiness({ dataSource, events }),
  });

  return {
    name: 'referentials',
    url: http.url,
    sdl: subgraphSdl(schema),
    dataSource,
    catalog,
    events,
    stop: async () => {
      await http.stop();
      await events.stop();
      await dataSource.destroy();
    },
  };
}

export function referentialsModule(settings: { loadSeeds?: boolean } = {}): ServiceModule {
  return {
    name: 'referentials',
    port: 4001,
    sdl: async () => subgraphSdl(await buildReferentialsSchema()),
    start: (options) => startReferentialsService({ ...options, ...settings }),
  };
}
