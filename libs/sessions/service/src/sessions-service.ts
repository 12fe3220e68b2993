import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createJwtVerifier } from '@certif/platform-auth';
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
  createSessionsLoaders,
  OutboxDeliberationEvents,
  subscribeReadModels,
  TypeOrmSessionsUnitOfWork,
  type SessionsContext,
  type SessionUseCases,
} from '@certif/sessions-adapters';
import { procesVerbalRoute } from './proces-verbal.route';
import { sessionsSchema } from './sessions-schema';
import { buildSessionsSchema } from './sessions-subgraph';
import { sessionsUseCases } from './sessions-use-cases';

export interface RunningSessionsService extends RunningService {
  dataSource: DataSource;
  events: ServiceEvents;
  useCases: SessionUseCases;
}

/** Composition root: database, read models fed by events, use cases, subgraph and PDF over HTTP. */
export async function startSessionsService(
  options: ServiceStartOptions,
): Promise<RunningSessionsService> {
  const { logger } = options;
  const storage = await openServiceStorage('sessions', sessionsSchema, options);
  const { dataSource } = storage;
  const events = subscribeReadModels(storage.events);
  const unitOfWork = new TypeOrmSessionsUnitOfWork(
    dataSource,
    (manager) => new OutboxDeliberationEvents(events.outbox, manager),
  );
  const useCases = sessionsUseCases({ unitOfWork, clock: options.clock, newId: randomUUID });
  const { queries } = useCases;
  await events.start();

  const schema = await buildSessionsSchema(useCases);
  const http = await startHttpService<SessionsContext>({
    name: 'sessions',
    port: options.port,
    logger,
    schema,
    context: async (request, requestId) => ({
      principal: await identityFromGateway(options.internalSecret, request.headers),
      requestId,
      logger: logger.child({ requestId }),
      loaders: createSessionsLoaders(queries),
      today: options.clock.today(),
    }),
    readiness: () => storageReadiness(storage),
    routes: procesVerbalRoute({
      queries,
      verify: createJwtVerifier(options.auth),
      clock: options.clock,
      logger,
    }),
  });

  return {
    name: 'sessions',
    url: http.url,
    sdl: subgraphSdl(schema),
    dataSource,
    events,
    useCases,
    stop: async () => {
      await http.stop();
      await events.stop();
      await dataSource.destroy();
    },
  };
}

export function sessionsModule(): ServiceModule {
  return {
    name: 'sessions',
    port: 4003,
    sdl: async () => subgraphSdl(await buildSessionsSchema()),
    start: (options) => startSessionsService(options),
  };
}
