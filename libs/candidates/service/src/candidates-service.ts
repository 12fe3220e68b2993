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
  createCandidatesLoaders,
  OutboxCandidateEvents,
  RemotePersonalData,
  subscribeReadModels,
  TypeOrmCandidateCenters,
  TypeOrmCandidatesUnitOfWork,
  type CandidatesContext,
  type CandidatesUseCases,
} from '@certif/candidates-adapters';
import type {
  KnownCertificationReader,
  PersonalDataContributor,
} from '@certif/candidates-application';
import { buildCandidatesSchema } from './candidates-subgraph';
import { candidatesUseCases } from './candidates-use-cases';
import { candidatesSchema } from './candidates-schema';

export interface CandidatesServiceSettings {
  /** More sections of exportMyData (e.g. issuing's livrets and parchemins), after the service's own. */
  personalDataContributors?: readonly PersonalDataContributor[];
  /** Other services' sections, read from their internal personal-data route (issuing). */
  remotePersonalData?: readonly { source: string; baseUrl: () => string | undefined }[];
}

export interface RunningCandidatesService extends RunningService {
  dataSource: DataSource;
  useCases: CandidatesUseCases;
  /** The read model of certifications (tests wait on it). */
  certifications: KnownCertificationReader;
  events: ServiceEvents;
}

/** Composition root: database, events (publisher and read-model consumer), use cases, subgraph. */
export async function startCandidatesService(
  options: ServiceStartOptions & CandidatesServiceSettings,
): Promise<RunningCandidatesService> {
  const { logger } = options;
  const { dataSource, events } = await openServiceStorage('candidates', candidatesSchema, options);
  subscribeReadModels(events);
  const centers = new TypeOrmCandidateCenters(dataSource.manager);
  const unitOfWork = new TypeOrmCandidatesUnitOfWork(
    dataSource,
    (manager) => new OutboxCandidateEvents(events.outbox, manager),
  );
  const useCases = candidatesUseCases({ unitOfWork, clock: options.clock, newId: randomUUID }, [
    ...(options.personalDataContributors ?? []),
    ...(options.remotePersonalData ?? []).map(
      (remote) => new RemotePersonalData({ ...remote, internalSecret: options.internalSecret }),
    ),
  ]);
  await events.start();

  const schema = await buildCandidatesSchema(useCases);
  const http = await startHttpService<CandidatesContext>({
    name: 'candidates',
    port: options.port,
    logger,
    schema,
    context: async (request, requestId) => ({
      principal: await identityFromGateway(options.internalSecret, request.headers),
      requestId,
      logger: logger.child({ requestId }),
      loaders: createCandidatesLoaders(useCases.queries, centers),
    }),
    readiness: () => storageReadiness({ dataSource, events }),
  });

  return {
    name: 'candidates',
    url: http.url,
    sdl: subgraphSdl(schema),
    dataSource,
    useCases,
    certifications: unitOfWork.certifications,
    events,
    stop: async () => {
      await http.stop();
      await events.stop();
      await dataSource.destroy();
    },
  };
}

export function candidatesModule(settings: CandidatesServiceSettings = {}): ServiceModule {
  return {
    name: 'candidates',
    port: 4002,
    sdl: async () => subgraphSdl(await buildCandidatesSchema()),
    start: (options) => startCandidatesService({ ...options, ...settings }),
  };
}
