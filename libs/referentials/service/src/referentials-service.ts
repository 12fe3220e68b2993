import { randomUUID } from 'node:crypto';
import {
  startSubgraph,
  type RunningSubgraph,
  type ServiceModule,
  type ServiceStartOptions,
} from '@certif/platform-http';
import { subgraphSdl } from '@certif/platform-graphql';
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

export type RunningReferentialsService = RunningSubgraph<{ useCases: ReferentialsUseCases }>;

/** Composition root: database, events, use cases, subgraph over HTTP. */
export function startReferentialsService(
  options: ServiceStartOptions & { loadSeeds?: boolean },
): Promise<RunningReferentialsService> {
  const { logger } = options;
  return startSubgraph(options, {
    name: 'referentials',
    storage: referentialsSchema,
    wire: async ({ dataSource, events }) => {
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
      return {
        schema: await buildReferentialsSchema(useCases),
        context: (base): ReferentialsContext => ({
          ...base,
          loaders: createReferentialsLoaders(useCases.queries),
        }),
        started: async () => {
          if (!(options.loadSeeds ?? true)) return;
          const report = await new LoadSeedCertificationsService(deps).execute(SEED_CERTIFICATIONS);
          if (report.loaded.length > 0)
            logger.info({ codes: report.loaded }, 'seed certifications loaded');
        },
        exposed: { useCases },
      };
    },
  });
}

export function referentialsModule(settings: { loadSeeds?: boolean } = {}): ServiceModule {
  return {
    name: 'referentials',
    port: 4001,
    sdl: async () => subgraphSdl(await buildReferentialsSchema()),
    start: (options) => startReferentialsService({ ...options, ...settings }),
  };
}
