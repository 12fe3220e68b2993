// The platform under test: every subgraph and the gateway in this process, on free ports of
// 127.0.0.1, on scratch MariaDB databases `<prefix>_<service>`, with a fixed clock.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { startOneProcessPlatform, type OneProcessPlatform } from '@certif/one-process';
import {
  DEVELOPMENT_INTERNAL_SECRET,
  mintToken,
  signInternalToken,
  type Principal,
  type Role,
} from '@certif/platform-auth';
import { fixedClock, type LocalDate } from '@certif/platform-calendar';

export const BENCH_JWT_SECRET = 'bench-secret-that-is-long-enough-for-hs256-signing!';

export interface GraphQLBody<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export interface BenchPlatform {
  platform: OneProcessPlatform;
  today: LocalDate;
  gatewayUrl: string;
  subgraphUrl(name: string): string;
  dataSource(name: string): DataSource;
  token(roles: Role[], claims?: { sub?: string; candidateId?: string }): Promise<string>;
  /** What the gateway sends a subgraph: the principal, signed with the internal secret. */
  internalToken(principal: Principal): Promise<string>;
  /** A GraphQL call that must succeed: any error stops the benchmark with its message. */
  graphql<T = Record<string, unknown>>(
    url: string,
    query: string,
    variables: object,
    headers: Record<string, string>,
  ): Promise<T>;
  stop(): Promise<void>;
}

export async function startBenchPlatform(
  databaseUrl: string,
  databasePrefix: string,
  today: LocalDate,
): Promise<BenchPlatform> {
  const dataDir = mkdtempSync(join(tmpdir(), 'certif-bench-'));
  const platform = await startOneProcessPlatform({
    logLevel: process.env['BENCH_LOG_LEVEL'] ?? 'warn',
    auth: { kind: 'hs256', secret: BENCH_JWT_SECRET },
    freePorts: true,
    dataDir,
    databaseUrl,
    databasePrefix,
    loadSeeds: true,
    clock: fixedClock(today),
    ...(process.env['EVENTS_BATCH_SIZE']
      ? { eventBatchSize: Number(process.env['EVENTS_BATCH_SIZE']) }
      : {}),
  }).catch((error: unknown) => {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  // The services give localhost URLs; the benchmark's own traffic names the loopback address.
  const loopback = (url: string) => url.replace('//localhost:', '//127.0.0.1:');
  const service = (name: string) => {
    const found = platform.services[name];
    if (!found) throw new Error(`the platform runs no ${name} service`);
    return found;
  };
  return {
    platform,
    today,
    gatewayUrl: loopback(platform.gatewayUrl),
    subgraphUrl: (name) => loopback(service(name).url),
    dataSource: (name) => {
      // Every service exposes its data source beside the RunningService interface (tests use it).
      const dataSource = (service(name) as { dataSource?: unknown }).dataSource;
      if (!(dataSource instanceof DataSource))
        throw new Error(`the ${name} service does not expose its data source`);
      return dataSource;
    },
    token: (roles, claims = {}) => mintToken({ roles, secret: BENCH_JWT_SECRET, ...claims }),
    internalToken: (principal) => signInternalToken(DEVELOPMENT_INTERNAL_SECRET, principal),
    graphql: async <T>(
      url: string,
      query: string,
      variables: object,
      headers: Record<string, string>,
    ) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as GraphQLBody<T>;
      if (body.errors?.length || !body.data) {
        throw new Error(
          `${url} answered ${response.status}: ${JSON.stringify(body.errors ?? body).slice(0, 500)}`,
        );
      }
      return body.data;
    },
    stop: async () => {
      await platform.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
