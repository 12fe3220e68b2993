import type { ServiceModule } from '@certif/platform-http';
import type { SubgraphSource } from '@certif/gateway-server/composition';
import { candidatesModule } from '@certif/candidates-service';
import { issuingModule } from '@certif/issuing-service';
import { referentialsModule } from '@certif/referentials-service';
import { sessionsModule } from '@certif/sessions-service';

export interface PlatformSettings {
  /** Load the seed certifications when absent (default true). */
  loadSeeds?: boolean;
  /** The address printed on issuing's documents (`npm start`: the gateway's, once it runs). */
  publicBaseUrl?: string | (() => string);
}

/**
 * The subgraph services of the platform, in start order: a service starts after those whose
 * events it consumes at start (the embedded bus keeps them anyway).
 */
export function platformModules(settings: PlatformSettings = {}): ServiceModule[] {
  // Candidates' GDPR export reads issuing's section over HTTP; issuing starts after candidates,
  // so its address is looked up when an export is asked for.
  let issuingBaseUrl: string | undefined;
  const issuing = issuingModule(
    settings.publicBaseUrl ? { publicBaseUrl: settings.publicBaseUrl } : {},
  );
  return [
    referentialsModule(settings.loadSeeds === undefined ? {} : { loadSeeds: settings.loadSeeds }),
    candidatesModule({
      remotePersonalData: [{ source: 'issuing', baseUrl: () => issuingBaseUrl }],
    }),
    sessionsModule(),
    {
      ...issuing,
      start: async (options) => {
        const running = await issuing.start(options);
        issuingBaseUrl = running.url.replace(/\/graphql$/, '');
        return running;
      },
    },
  ];
}

export const SUBGRAPHS = platformModules().map(({ name, port }) => ({ name, port }));

/** What the committed supergraph is composed from: each subgraph's SDL, built without a database. */
export async function subgraphSources(host = 'localhost'): Promise<SubgraphSource[]> {
  return Promise.all(
    platformModules().map(async (module) => ({
      name: module.name,
      url: `http://${host}:${module.port}/graphql`,
      sdl: await module.sdl(),
    })),
  );
}
