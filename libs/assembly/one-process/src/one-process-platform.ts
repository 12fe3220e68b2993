import { DEVELOPMENT_INTERNAL_SECRET, type JwtVerifierConfig } from '@certif/platform-auth';
import type { Clock } from '@certif/platform-calendar';
import { composeSupergraph, startGateway } from '@certif/gateway-server';
import { createLogger } from '@certif/platform-observability';
import { startReferentialsService, type RunningReferentialsService } from '@certif/referentials-service';

export interface OneProcessOptions {
  logLevel?: string;
  auth: JwtVerifierConfig;
  /** Contract ports by default; 0 picks free ports (tests). */
  ports?: { gateway: number; referentials: number };
  databaseUrl?: string;
  databasePrefix?: string;
  dataDir: string;
  kafkaBrokers?: string;
  internalSecret?: string;
  loadSeeds?: boolean;
  clock?: Clock;
}

export interface OneProcessPlatform {
  gatewayUrl: string;
  supergraphSdl: string;
  referentials: RunningReferentialsService;
  stop(): Promise<void>;
}

export const CONTRACT_PORTS = { gateway: 4000, referentials: 4001 } as const;

/**
 * Every subgraph and the gateway in one Node process: `npm start`, and the end-to-end tests.
 * The supergraph is composed at start from the live subgraphs' SDL.
 */
export async function startOneProcessPlatform(options: OneProcessOptions): Promise<OneProcessPlatform> {
  const ports = options.ports ?? CONTRACT_PORTS;
  const internalSecret = options.internalSecret ?? DEVELOPMENT_INTERNAL_SECRET;
  const shared = {
    dataDir: options.dataDir,
    internalSecret,
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
    ...(options.databasePrefix ? { databasePrefix: options.databasePrefix } : {}),
    ...(options.kafkaBrokers ? { kafkaBrokers: options.kafkaBrokers } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  };
  const referentials = await startReferentialsService({
    ...shared,
    port: ports.referentials,
    logger: createLogger({ service: 'referentials', level: options.logLevel ?? 'info' }),
    loadSeeds: options.loadSeeds ?? true,
  });
  const supergraphSdl = composeSupergraph([
    { name: 'referentials', url: referentials.url, sdl: referentials.sdl },
  ]);
  const gateway = await startGateway({
    port: ports.gateway,
    logger: createLogger({ service: 'gateway', level: options.logLevel ?? 'info' }),
    supergraphSdl,
    auth: options.auth,
    internalSecret,
  });
  return {
    gatewayUrl: gateway.url,
    supergraphSdl,
    referentials,
    stop: async () => {
      await gateway.stop();
      await referentials.stop();
    },
  };
}
