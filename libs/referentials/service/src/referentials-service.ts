import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { systemClock, type Clock } from '@certif/platform-calendar';
import { DEVELOPMENT_INTERNAL_SECRET } from '@certif/platform-auth';
import { identityFromGateway, subgraphSdl } from '@certif/platform-graphql';
import { startHttpService } from '@certif/platform-http';
import type { Logger } from '@certif/platform-observability';
import { databaseTarget, describeTarget, openDataSource } from '@certif/platform-persistence';
import {
  createReferentialsLoaders,
  TypeOrmReferentialsUnitOfWork,
  type ReferentialsContext,
} from '@certif/referentials-adapters';
import { CertificationCatalog, loadSeedCertifications } from '@certif/referentials-application';
import { SEED_CERTIFICATIONS } from '@certif/referentials-seeds';
import { buildReferentialsSchema } from './referentials-subgraph';
import { referentialsSchema } from './referentials-schema';
import { createReferentialsEvents, type ReferentialsEvents } from './referentials-events';

export interface ReferentialsServiceOptions {
  port: number;
  logger: Logger;
  databaseUrl?: string;
  /** Database name prefix on MySQL (default certif → certif_referentials). */
  databasePrefix?: string;
  dataDir: string;
  kafkaBrokers?: string;
  internalSecret?: string;
  /** Load the five seed certifications when their codes are absent (default true). */
  loadSeeds?: boolean;
  clock?: Clock;
}

export interface RunningReferentialsService {
  url: string;
  sdl: string;
  dataSource: DataSource;
  catalog: CertificationCatalog;
  stop(): Promise<void>;
}

/** Composition root: database, events, use cases, subgraph over HTTP. */
export async function startReferentialsService(
  options: ReferentialsServiceOptions,
): Promise<RunningReferentialsService> {
  const { logger } = options;
  const target = databaseTarget('referentials', options.databaseUrl, options.dataDir, options.databasePrefix);
  const dataSource = await openDataSource({ ...referentialsSchema, target });
  logger.info(`referentials data in ${describeTarget(target)}`);

  const events: ReferentialsEvents = await createReferentialsEvents({
    dataSource,
    logger,
    ...(options.kafkaBrokers ? { kafkaBrokers: options.kafkaBrokers } : {}),
  });
  const catalog = new CertificationCatalog({
    unitOfWork: new TypeOrmReferentialsUnitOfWork(dataSource, events.forTransaction),
    clock: options.clock ?? systemClock,
    newId: randomUUID,
  });
  if (options.loadSeeds ?? true) {
    const report = await loadSeedCertifications(catalog, SEED_CERTIFICATIONS);
    if (report.loaded.length > 0) logger.info({ codes: report.loaded }, 'seed certifications loaded');
  }

  const schema = await buildReferentialsSchema(catalog);
  const internalSecret = options.internalSecret ?? DEVELOPMENT_INTERNAL_SECRET;
  const http = await startHttpService<ReferentialsContext>({
    name: 'referentials',
    port: options.port,
    logger,
    schema,
    context: async (request, requestId) => ({
      principal: await identityFromGateway(internalSecret, request.headers),
      requestId,
      logger: logger.child({ requestId }),
      loaders: createReferentialsLoaders(catalog),
    }),
    readiness: async () => (await dataSource.query('SELECT 1')) !== undefined,
  });
  await events.start();

  return {
    url: http.url,
    sdl: subgraphSdl(schema),
    dataSource,
    catalog,
    stop: async () => {
      await http.stop();
      await events.stop();
      await dataSource.destroy();
    },
  };
}
