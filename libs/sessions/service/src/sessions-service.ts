import { randomUUID } from 'node:crypto';
import { createJwtVerifier } from '@certif/platform-auth';
import { subgraphSdl } from '@certif/platform-graphql';
import {
  startSubgraph,
  type RunningSubgraph,
  type ServiceModule,
  type ServiceStartOptions,
} from '@certif/platform-http';
import {
  createSessionsLoaders,
  OutboxDeliberationEvents,
  procesVerbalRoute,
  subscribeReadModels,
  TypeOrmSessionsUnitOfWork,
  type SessionsContext,
  type SessionUseCases,
} from '@certif/sessions-adapters';
import { sessionsSchema } from './sessions-schema';
import { buildSessionsSchema } from './sessions-subgraph';
import { sessionsUseCases } from './sessions-use-cases';

export type RunningSessionsService = RunningSubgraph<{ useCases: SessionUseCases }>;

/** Composition root: database, read models fed by events, use cases, subgraph and PDF over HTTP. */
export function startSessionsService(
  options: ServiceStartOptions,
): Promise<RunningSessionsService> {
  return startSubgraph(options, {
    name: 'sessions',
    storage: sessionsSchema,
    wire: async ({ dataSource, events }) => {
      subscribeReadModels(events);
      const unitOfWork = new TypeOrmSessionsUnitOfWork(
        dataSource,
        (manager) => new OutboxDeliberationEvents(events.outbox, manager),
      );
      const useCases = sessionsUseCases({ unitOfWork, clock: options.clock, newId: randomUUID });
      const { queries } = useCases;
      return {
        schema: await buildSessionsSchema(useCases),
        context: (base): SessionsContext => ({
          ...base,
          loaders: createSessionsLoaders(queries),
          today: options.clock.today(),
        }),
        routes: procesVerbalRoute({
          queries,
          verify: createJwtVerifier(options.auth),
          clock: options.clock,
          logger: options.logger,
        }),
        exposed: { useCases },
      };
    },
  });
}

export function sessionsModule(): ServiceModule {
  return {
    name: 'sessions',
    port: 4003,
    sdl: async () => subgraphSdl(await buildSessionsSchema()),
    start: (options) => startSessionsService(options),
  };
}
