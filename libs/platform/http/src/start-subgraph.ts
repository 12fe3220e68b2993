import type { Express } from 'express';
import type { GraphQLSchema } from 'graphql';
import { identityFromGateway, subgraphSdl, type SubgraphContext } from '@certif/platform-graphql';
import type { ServiceSchema } from '@certif/platform-persistence';
import { createHttpHost } from './http-service';
import type { RunningService, ServiceStartOptions } from './service-module';
import { openServiceStorage, storageReadiness, type ServiceStorage } from './service-storage';

/** What a context wires on its storage: the subgraph it serves and what it shows tests. */
export interface SubgraphWiring<TContext extends SubgraphContext, TExposed extends object> {
  schema: GraphQLSchema;
  /** Each request's context: what every subgraph reads (`base`) and this context's loaders. */
  context: (base: SubgraphContext) => TContext;
  /** Routes besides /graphql (documents). */
  routes?: (app: Express) => void;
  /** Runs once events flow, before /graphql is served (seeds, periodic sweeps). */
  started?: () => Promise<void>;
  /** Runs first when the service stops, before HTTP, events and database (timers). */
  stop?: () => Promise<void> | void;
  /** Shown on the running service (tests and the one-process start read them). */
  exposed: TExposed;
}

/** Where the service is reached, known before it is wired (documents print their own links). */
export interface SubgraphAddress {
  /** http://localhost:<port> */
  origin: string;
}

export interface SubgraphDefinition<TContext extends SubgraphContext, TExposed extends object> {
  name: string;
  /** The service's database schema: entities and migrations. */
  storage: ServiceSchema;
  /** Subscribes the consumers, builds the use cases and the schema: runs before events start. */
  wire(
    storage: ServiceStorage,
    address: SubgraphAddress,
  ): Promise<SubgraphWiring<TContext, TExposed>>;
}

export type RunningSubgraph<TExposed extends object> = RunningService & ServiceStorage & TExposed;

/**
 * The one shape of a context's composition root: listen on the port (so the address is known),
 * open the storage, wire the context, start the events, then serve the subgraph with its routes,
 * ready when the database answers and events flow. Stops in the reverse order.
 */
export async function startSubgraph<TContext extends SubgraphContext, TExposed extends object>(
  options: ServiceStartOptions,
  definition: SubgraphDefinition<TContext, TExposed>,
): Promise<RunningSubgraph<TExposed>> {
  const { name } = definition;
  const { logger } = options;
  const http = createHttpHost({ name, port: options.port, logger });
  await http.listen();
  let storage: ServiceStorage | undefined;
  try {
    storage = await openServiceStorage(name, definition.storage, options);
    const { dataSource, events } = storage;
    const wiring = await definition.wire(storage, { origin: http.origin });
    await events.start();
    await wiring.started?.();
    await http.serve<TContext>({
      schema: wiring.schema,
      context: async (request, requestId) =>
        wiring.context({
          principal: await identityFromGateway(options.internalSecret, request.headers),
          requestId,
          logger: logger.child({ requestId }),
        }),
      readiness: () => storageReadiness({ dataSource, events }),
      ...(wiring.routes ? { routes: wiring.routes } : {}),
    });
    const running: RunningService & ServiceStorage = {
      name,
      url: http.url,
      sdl: subgraphSdl(wiring.schema),
      dataSource,
      events,
      stop: async () => {
        await wiring.stop?.();
        await http.stop();
        await events.stop();
        await dataSource.destroy();
      },
    };
    // Descriptors, not values: an exposed getter (a base URL known later) stays a getter.
    return Object.defineProperties(
      running,
      Object.getOwnPropertyDescriptors(wiring.exposed),
    ) as RunningSubgraph<TExposed>;
  } catch (error) {
    await http.stop().catch(() => undefined);
    await storage?.events.stop().catch(() => undefined);
    await storage?.dataSource.destroy().catch(() => undefined);
    throw error;
  }
}
