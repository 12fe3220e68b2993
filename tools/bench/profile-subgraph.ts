// npm run bench:profile-subgraph: the referentials subgraph alone, in a process of its own under
// `node --cpu-prof`, on a scratch database with its five seed certifications, loaded with the
// bench's `Certifications(first: 20)` at 16 connections straight to it (with the identity the
// gateway forwards). Prints the profile's top entries by self time (functions and packages) and
// leaves the .cpuprofile under bench/profiles (open it in Chrome's DevTools).
// PROFILE=gateway: the same load through a gateway process (profiled) in front of it.
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { DEVELOPMENT_INTERNAL_SECRET, mintToken, signInternalToken } from '@certif/platform-auth';
import { contractOperations } from '@certif/one-process/testing';
import { summariseProfile } from './cpu-profile';
import { generateLoad } from './load-generator';
import { dropScratchDatabases } from './scratch-databases';
import { startServiceProcess } from './service-process';

const databaseUrl = process.env['BENCH_DATABASE_URL'] ?? 'mysql://root@127.0.0.1:3306';
const seconds = Number(process.env['BENCH_SECONDS'] ?? 10);
const prefix = `certif_bench_${randomBytes(4).toString('hex')}`;
const profileDir = resolve('bench/profiles');
const JWT_SECRET = 'profile-secret-that-is-long-enough-for-hs256-signing!';

async function main(): Promise<void> {
  mkdirSync(profileDir, { recursive: true });
  const before = new Set(readdirSync(profileDir));
  const query = contractOperations().get('Certifications');
  if (!query) throw new Error('the contract has no Certifications operation');
  let window: { fromMicros: number; toMicros: number } | undefined;
  const profiled = process.env['PROFILE'] === 'gateway' ? 'gateway' : 'referentials';
  const subgraph = await startServiceProcess({
    name: 'referentials',
    env: { DATABASE_URL: databaseUrl, DATABASE_PREFIX: prefix },
    ...(profiled === 'referentials' ? { cpuProfileDir: profileDir } : {}),
  });
  const gateway =
    profiled === 'gateway'
      ? await startServiceProcess({
          name: 'gateway',
          env: { REFERENTIALS_URL: subgraph.url, AUTH_JWT_SECRET: JWT_SECRET },
          cpuProfileDir: profileDir,
        }).catch(async (error: unknown) => {
          await subgraph.stop();
          throw error;
        })
      : null;
  try {
    const headers: Record<string, string> = gateway
      ? {
          authorization: `Bearer ${await mintToken({ roles: ['SESSION_MANAGER'], secret: JWT_SECRET })}`,
        }
      : {
          'x-certif-gateway-token': await signInternalToken(DEVELOPMENT_INTERNAL_SECRET, {
            sub: 'bench-manager',
            roles: ['SESSION_MANAGER'],
          }),
        };
    const url = gateway?.url ?? subgraph.url;
    const body = JSON.stringify({ query, variables: { first: 20 } });
    // Warm up apart, so that the profile's window holds the measured run only.
    await generateLoad({
      url,
      headers,
      bodies: [body],
      connections: 16,
      warmUpSeconds: 1,
      seconds: 3,
    });
    const from = Number(process.hrtime.bigint() / 1000n);
    const result = await generateLoad({
      url,
      headers,
      bodies: [body],
      connections: 16,
      warmUpSeconds: 1,
      seconds,
    });
    window = { fromMicros: from, toMicros: Number(process.hrtime.bigint() / 1000n) };
    console.log(
      `${profiled}, Certifications(first: 20), 16 connections: ${result.requestsPerSecond.toFixed(0)} req/s, ` +
        `p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, ${result.failures} failures`,
    );
  } finally {
    await new Promise((r) => setTimeout(r, 500));
    await gateway?.stop();
    await subgraph.stop();
    await dropScratchDatabases(databaseUrl, prefix);
  }
  const written = readdirSync(profileDir)
    .filter((f) => f.endsWith('.cpuprofile') && !before.has(f))
    .map((f) => join(profileDir, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  const path = written[0];
  if (!path) throw new Error('no CPU profile was written');
  const summary = summariseProfile(path, Number(process.env['PROFILE_TOP'] ?? 12), window);
  console.log(`\n${path}: busy ${summary.busyPercent.toFixed(0)} % of the time`);
  console.log('\nself time by function (% of busy samples):');
  for (const e of summary.functions)
    console.log(`  ${e.percent.toFixed(1).padStart(5)} %  ${e.name}`);
  console.log('\nself time by package:');
  for (const e of summary.packages)
    console.log(`  ${e.percent.toFixed(1).padStart(5)} %  ${e.name}`);
  console.log(
    `\nload average: ${(await import('node:os'))
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
