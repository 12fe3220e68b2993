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
} from '@certif/referentials-adapters';
import { CertificationCatalog, loadSeedCertifications } from '@certif/referentials-application';
import { SEED_CERTIFICATIONS } from '@certif/referentials-seeds';
import { buildReferentialsSchema } from './referentials-subgraph';
import { referentialsSchema } from './referentials-schema';

export type RunningReferentialsService = RunningSubgraph<{ catalog: CertificationCatalog }>;

/** Composition root: database, events, use cases, subgraph over HTTP. */
export function startReferentialsService(
  options: ServiceStartOptions & { loadSeeds?: boolean },
): Promise<RunningReferentialsService> {
  const { logger } = options;
  return startSubgraph(options, {
    name: 'referentials',
    storage: referentialsSchema,
    wire: async ({ dataSource, events }) => {
      const catalog = new CertificationCatalog({
        unitOfWork: new TypeOrmReferentialsUnitOfWork(
          dataSource,
          (manager) => new OutboxCertificationEvents(events.outbox, manager),
        ),
        clock: options.clock,
        newId: randomUUID,
      });
      return {
        schema: await buildReferentialsSchema(catalog),
        context: (base): ReferentialsContext => ({
          ...base,
          loaders: createReferentialsLoaders(catalog),
        }),
        started: async () => {
          if (!(options.loadSeeds ?? true)) return;
          const report = await loadSeedCertifications(catalog, SEED_CERTIFICATIONS);
          if (report.loaded.length > 0)
            logger.info({ codes: report.loaded }, 'seed certifications loaded');
        },
        exposed: { catalog },
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
