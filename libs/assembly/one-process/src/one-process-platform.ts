import { DEVELOPMENT_INTERNAL_SECRET, type JwtVerifierConfig } from '@certif/platform-auth';
import { systemClock, type Clock } from '@certif/platform-calendar';
import { EmbeddedBus } from '@certif/platform-events';
import { startGateway } from '@certif/gateway-server';
import { composeSupergraph } from '@certif/gateway-server/composition';
import type { RunningService } from '@certif/platform-http';
import { createLogger } from '@certif/platform-observability';
import { PUBLIC_ROUTES, publicRoutesProxy } from './public-routes';
import { platformModules } from './subgraph-catalog';

export interface OneProcessOptions {
  logLevel?: string;
  auth: JwtVerifierConfig;
  /** Every service on a free port (tests) instead of the contract's ports. */
  freePorts?: boolean;
  databaseUrl?: string;
  databasePrefix?: string;
  dataDir: string;
  kafkaBrokers?: string;
  /** Waiting events of a partition a consumer handles in one transaction, at most (50). */
  eventBatchSize?: number;
  internalSecret?: string;
  loadSeeds?: boolean;
  clock?: Clock;
  /** The public address printed on documents; default: the gateway's, which serves them too. */
  publicBaseUrl?: string;
}

export interface OneProcessPlatform {
  gatewayUrl: string;
  /** The one address of the API and of the holders' documents (the gateway's origin). */
  publicUrl: string;
  supergraphSdl: string;
  services: Record<string, RunningService>;
  /** The in-process event bus of this platform (when there is no Kafka). */
  bus: EmbeddedBus;
  stop(): Promise<void>;
}

export const GATEWAY_PORT = 4000;

/**
 * Every subgraph and the gateway in one Node process: `npm start`, and the end-to-end tests.
 * Services share one embedded event bus of their own, so two platforms in one process (tests)
 * never see each other's events. The supergraph is composed at start from the live SDL.
 */
export async function startOneProcessPlatform(
  options: OneProcessOptions,
): Promise<OneProcessPlatform> {
  const internalSecret = options.internalSecret ?? DEVELOPMENT_INTERNAL_SECRET;
  const level = options.logLevel ?? 'info';
  const bus = new EmbeddedBus();
  const services: Record<string, RunningService> = {};
  const started: RunningService[] = [];
  // Known once the gateway listens; documents are produced only after that.
  let gatewayOrigin = `http://localhost:${GATEWAY_PORT}`;
  try {
    for (const module of platformModules({
      ...(options.loadSeeds === undefined ? {} : { loadSeeds: options.loadSeeds }),
      publicBaseUrl: () => options.publicBaseUrl ?? gatewayOrigin,
    })) {
      const service = await module.start({
        port: options.freePorts ? 0 : module.port,
        logger: createLogger({ service: module.name, level }),
        dataDir: options.dataDir,
        internalSecret,
        auth: options.auth,
        clock: options.clock ?? systemClock,
        bus,
        ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
        ...(options.databasePrefix ? { databasePrefix: options.databasePrefix } : {}),
        ...(options.kafkaBrokers ? { kafkaBrokers: options.kafkaBrokers } : {}),
        ...(options.eventBatchSize ? { eventBatchSize: options.eventBatchSize } : {}),
      });
      services[module.name] = service;
      started.push(service);
    }
    const supergraphSdl = composeSupergraph(
      started.map(({ name, url, sdl }) => ({ name, url, sdl })),
    );
    const gateway = await startGateway({
      port: options.freePorts ? 0 : GATEWAY_PORT,
      logger: createLogger({ service: 'gateway', level }),
      supergraphSdl,
      auth: options.auth,
      internalSecret,
      // One address, as the Ingress gives in Kubernetes: the documents beside the API.
      routes: publicRoutesProxy(PUBLIC_ROUTES, 'gateway', (name) =>
        services[name]?.url.replace(/\/graphql$/, ''),
      ),
    });
    gatewayOrigin = gateway.url.replace(/\/graphql$/, '');
    return {
      gatewayUrl: gateway.url,
      publicUrl: gatewayOrigin,
      supergraphSdl,
      services,
      bus,
      stop: async () => {
        await gateway.stop();
        for (const service of [...started].reverse()) await service.stop();
      },
    };
  } catch (error) {
    for (const service of [...started].reverse()) await service.stop().catch(() => undefined);
    throw error;
  }
}
