// The deployed topology: the gateway and the subgraphs a query reaches (referentials,
// candidates, issuing) each in a process of its own, as Kubernetes runs them (apps/<name>/src/
// main.ts, the container's entry point), on the bench's seeded scratch databases. Sessions stays
// in the bench's process (no measured query reaches it). The processes share this machine's
// cores with MariaDB and the load generator, as pods of one node would.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_JWT_SECRET, type BenchPlatform } from './bench-platform';
import type { BenchSettings } from './bench-settings';
import { startServiceProcess, type ServiceProcess } from './service-process';

/** Where a scenario sends its load: the one-process platform, or the separate processes. */
export interface Topology {
  /** Put in each figure's scenario: '' for the one-process platform (the historical names). */
  label: string;
  gatewayUrl: string;
  subgraphUrl(name: string): string;
  /** CPU time used so far by the process of `name` (gateway or a subgraph), ms; null if unknown. */
  cpuMs?(name: string): number | null;
}

export interface DeployedTopology extends Topology {
  stop(): Promise<void>;
}

// Issuing before candidates, which is given issuing's address.
const SEPARATE = ['referentials', 'issuing', 'candidates'] as const;

export function oneProcess(bench: BenchPlatform): Topology {
  return {
    label: '',
    gatewayUrl: bench.gatewayUrl,
    subgraphUrl: (name) => bench.subgraphUrl(name),
  };
}

export async function startDeployedTopology(
  bench: BenchPlatform,
  settings: BenchSettings,
): Promise<DeployedTopology> {
  const dir = mkdtempSync(join(tmpdir(), 'certif-bench-deployed-'));
  const started: ServiceProcess[] = [];
  const stop = async () => {
    // The gateway first, then the services, as a rolling shutdown would.
    for (const process of [...started].reverse()) await process.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const urls = new Map<string, string>();
    for (const name of SEPARATE) {
      const service = await startServiceProcess({
        name,
        env: {
          DATABASE_URL: settings.databaseUrl,
          DATABASE_PREFIX: settings.databasePrefix,
          DATA_DIR: join(dir, name),
          LOAD_SEED_CERTIFICATIONS: 'false',
          ...(name === 'candidates'
            ? { ISSUING_SERVICE_URL: (urls.get('issuing') ?? '').replace(/\/graphql$/, '') }
            : {}),
        },
      });
      started.push(service);
      urls.set(name, service.url);
    }
    const supergraphPath = join(dir, 'supergraph.graphql');
    writeFileSync(supergraphPath, bench.platform.supergraphSdl);
    const gateway = await startServiceProcess({
      name: 'gateway',
      env: {
        SUPERGRAPH_PATH: supergraphPath,
        AUTH_JWT_SECRET: BENCH_JWT_SECRET,
        REFERENTIALS_URL: urls.get('referentials') ?? '',
        CANDIDATES_URL: urls.get('candidates') ?? '',
        ISSUING_URL: urls.get('issuing') ?? '',
        SESSIONS_URL: bench.subgraphUrl('sessions'),
      },
    });
    started.push(gateway);
    return {
      label: 'separate processes',
      gatewayUrl: gateway.url,
      subgraphUrl: (name) => {
        const url = urls.get(name);
        if (!url) throw new Error(`${name} does not run in a process of its own in this bench`);
        return url;
      },
      cpuMs: (name) => started.find((p) => p.name === name)?.cpuMs() ?? null,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
