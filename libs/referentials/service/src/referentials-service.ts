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
  type ReferentialsUseCases,
} from '@certif/referentials-adapters';
import {
  CertificationQueries,
  CloseCertificationService,
  CreateCertificationService,
  LoadSeedCertificationsService,
  PublishCertificationService,
  ReviseCertificationService,
  SetCertifierCpfIdentifiersService,
} from '@certif/referentials-application';
import { SEED_CERTIFICATIONS } from '@certif/referentials-seeds';
import { buildReferentialsSchema } from './referentials-subgraph';
import { referentialsSchema } from './referentials-schema';

export interface RunningReferentialsService extends RunningService {
  dataSource: DataSource;
  useCases: ReferentialsUseCases;
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
  const unitOfWork = new TypeOrmReferentialsUnitOfWork(
    dataSource,
    (manager) => new OutboxCertificationEvents(events.outbox, manager),
  );
  const deps = { unitOfWork, clock: options.clock, newId: randomUUID };
  const useCases: ReferentialsUseCases = {
    create: new CreateCertificationService(deps),
    publish: new PublishCertificationService(deps),
    revise: new ReviseCertificationService(deps),
    close: new CloseCertificationService(deps),
    setCpfIdentifiers: new SetCertifierCpfIdentifiersService(deps),
    queries: new CertificationQueries(unitOfWork.reader, options.clock),
  };
  await events.start();
  if (options.loadSeeds ?? true) {
    const report = await new LoadSeedCertificationsService(deps).execute(SEED_CERTIFICATIONS);
    if (report.loaded.length > 0)
      logger.info({ codes: report.loaded }, 'seed certifications loaded');
  }

  const schema = await buildReferentialsSchema(useCases);
  const http = await startHttpService<ReferentialsContext>({
    name: 'referentials',
    port: options.port,
    logger,
    schema,
    context: async (request, requestId) => ({
      principal: await identityFromGateway(options.internalSecret, request.headers),
      requestId,
      logger: logger.child({ requestId }),
      loaders: createReferentialsLoaders(useCases.queries),
    }),
    readiness: () => storageReadiness({ dataSource, events }),
  });

  return {
    name: 'referentials',
    url: http.url,
    sdl: subgraphSdl(schema),
    dataSource,
    useCases,
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
