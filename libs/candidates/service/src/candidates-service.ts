import { randomUUID } from 'node:crypto';
import { subgraphSdl } from '@certif/platform-graphql';
import {
  startSubgraph,
  type RunningSubgraph,
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

export type RunningCandidatesService = RunningSubgraph<{
  useCases: CandidatesUseCases;
  /** The read model of certifications (tests wait on it). */
  certifications: KnownCertificationReader;
}>;

/** Composition root: database, events (publisher and read-model consumer), use cases, subgraph. */
export function startCandidatesService(
  options: ServiceStartOptions & CandidatesServiceSettings,
): Promise<RunningCandidatesService> {
  return startSubgraph(options, {
    name: 'candidates',
    storage: candidatesSchema,
    wire: async ({ dataSource, events }) => {
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
      return {
        schema: await buildCandidatesSchema(useCases),
        context: (base): CandidatesContext => ({
          ...base,
          loaders: createCandidatesLoaders(useCases.queries, centers),
        }),
        exposed: { useCases, certifications: unitOfWork.certifications },
      };
    },
  });
}

export function candidatesModule(settings: CandidatesServiceSettings = {}): ServiceModule {
  return {
    name: 'candidates',
    port: 4002,
    sdl: async () => subgraphSdl(await buildCandidatesSchema()),
    start: (options) => startCandidatesService({ ...options, ...settings }),
  };
}
