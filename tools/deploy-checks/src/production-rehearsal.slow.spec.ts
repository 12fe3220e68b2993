import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeWithKafka, waitFor } from '@certif/platform-events/testing';
import { dropDatabasesOf, freePort } from '@certif/platform-persistence/testing';
import { Journey, PrivateBroker, countRows } from '@certif/kafka-tools/testing';
import { kubectlUnavailableReason, renderObjects } from './kustomize';
import {
  configMaps,
  deploymentLaunches,
  generatedSecrets,
  interpolateCompose,
  type Env,
  type WorkloadLaunch,
} from './manifest-environment';
import { missingPackageReason } from './optional-package';
import { deployableServices, readWorkspaceFile, workspacePath } from './workspace';
import { parseYaml } from './yaml-documents';

// SLOW (1–3 min: one build of every app, then each service started). The production rehearsal a
// platform team would run: `npm run build`'s bundles, started as overlays/prod and compose start
// them — each service with exactly its manifest's environment (ConfigMaps, Secrets filled with
// generated values, `$(VAR)` expansion; compose's `${…}` from a generated .env), init containers
// (migrations) first — against this machine's MariaDB. What differs, and only that: the database
// and broker addresses (this machine's MariaDB under a unique DATABASE_PREFIX, a Kafka address
// where nothing listens), ports (free ones, never 4000-4004), and other services' addresses.
// Kafka is absent here: every event-using service must come up alive and not ready, then stop
// cleanly on SIGTERM. Where KAFKA_BROKERS is given (npm test starts a broker), overlays/prod is
// started once more, pointed at a broker of the rehearsal's own (the services use the contract's
// topics and consumer groups, which other suites' platforms must not share), and the contract's
// journey runs through its gateway: a certification published, a candidate enrolled, a session
// deliberated, the parchemin issued once and verified.

jest.setTimeout(600_000);

const mysqlUrl = new URL(process.env['TEST_DATABASE_URL'] ?? 'mysql://root@127.0.0.1:3306');
const mysqlState = process.env['CERTIF_TEST_MYSQL'];
const skipReason =
  (mysqlState === undefined || mysqlState === 'available' ? null : mysqlState) ??
  kubectlUnavailableReason() ??
  missingPackageReason('yaml');
const services = deployableServices();
const prefix = `certif_rehearsal_${randomBytes(3).toString('hex')}`;
const database = {
  user: decodeURIComponent(mysqlUrl.username || 'root'),
  password: decodeURIComponent(mysqlUrl.password),
};
const outRoot = workspacePath('tmp', `production-rehearsal-${randomBytes(3).toString('hex')}`);

interface Started {
  child: ChildProcess;
  port: number;
  output: () => string;
  exit: Promise<number | null>;
}

/** `args` in the service's bundle with only `env` (and PATH), as in its container. */
function start(service: string, args: string[], env: Env, port: number): Started {
  const [command, ...rest] = args;
  let output = '';
  const child = spawn(command === 'node' ? process.execPath : (command as string), rest, {
    cwd: join(outRoot, service),
    env: { PATH: process.env['PATH'] ?? '', ...env },
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, port, output: () => output, exit };
}

/** Resolves 'alive' once /healthz answers 200, or 'exited' if the process ends first (90 s). */
async function aliveOrExited(started: Started): Promise<'alive' | 'exited'> {
  const deadline = Date.now() + 90_000;
  let exited = false;
  void started.exit.then(() => (exited = true));
  while (Date.now() < deadline && !exited) {
    const response = await fetch(`http://127.0.0.1:${started.port}/healthz`).catch(() => null);
    if (response?.status === 200) return 'alive';
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  if (exited) return 'exited';
  throw new Error(`neither alive nor exited after 90 s:\n${started.output()}`);
}

async function stopWithSigterm(started: Started): Promise<number | null> {
  if (started.child.exitCode !== null) return started.child.exitCode;
  started.child.kill('SIGTERM');
  const timer = setTimeout(() => started.child.kill('SIGKILL'), 30_000);
  const code = await started.exit;
  clearTimeout(timer);
  return code;
}

/** What in a service's output says its environment or its database was refused. */
function refusals(output: string): string[] {
  return output
    .split('\n')
    .filter((line) =>
      /environment is not valid|^\s+- [A-Z_]+:|is too old|UnsupportedDatabaseVersion/.test(line),
    );
}

(skipReason ? describe.skip : describe)(
  `[slow] production rehearsal: overlays/prod and compose, started from their manifests${skipReason ? ` — skipped: ${skipReason}` : ''}`,
  () => {
    const ports = new Map<string, number>();
    /** Where the services' KAFKA_BROKERS points: a closed port, or the rehearsal's broker. */
    let kafkaBrokers = '';
    let dataDir: string;
    const running: Started[] = [];
    /** The k8s service processes, by name, for the lifecycle checks. */
    const k8s = new Map<string, Started>();

    /** Addresses only this rehearsal changes; everything else is the manifest's. */
    function localise(service: string, env: Env): Env {
      const local: Env = { ...env };
      for (const [key, value] of Object.entries(local)) {
        // Another service by its cluster or compose name: where it runs here.
        local[key] = value.replace(
          /^(https?):\/\/([a-z0-9-]+):(\d+)/,
          (whole, _scheme: string, host: string) =>
            ports.has(host) ? `http://127.0.0.1:${ports.get(host)}` : whole,
        );
      }
      if (local['DATABASE_URL']) {
        const url = new URL(local['DATABASE_URL']);
        url.hostname = mysqlUrl.hostname;
        url.port = mysqlUrl.port || '3306';
        local['DATABASE_URL'] = url.toString().replace(/\/$/, '');
        local['DATABASE_PREFIX'] = prefix;
      }
      if (local['KAFKA_BROKERS']) local['KAFKA_BROKERS'] = kafkaBrokers;
      local['PORT'] = String(ports.get(service));
      // The pods' writable /tmp (read-only root file system).
      local['DATA_DIR'] = dataDir;
      if (service === 'gateway') {
        for (const other of services.filter((s) => s.name !== 'gateway')) {
          local[`${other.name.toUpperCase()}_URL`] =
            `http://127.0.0.1:${ports.get(other.name)}/graphql`;
        }
      }
      return local;
    }

    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'certif-rehearsal-'));
      for (const service of services) ports.set(service.name, await freePort());
      kafkaBrokers = `127.0.0.1:${await freePort()}`;
      // `npm run build` (tools/build/build-apps.mjs) into a folder of this run; CI type-checked
      // the workspace in its step before, so the type check is not repeated here.
      const build = spawnSync(
        process.execPath,
        [workspacePath('tools/build/build-apps.mjs'), '--no-typecheck', '--out-dir', outRoot],
        { cwd: workspacePath(), encoding: 'utf8' },
      );
      if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
    });

    afterAll(async () => {
      for (const started of running) await stopWithSigterm(started).catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(outRoot, { recursive: true, force: true });
      await dropDatabasesOf(mysqlUrl.href, prefix);
    });

    describe('overlays/prod', () => {
      let launches: WorkloadLaunch[] = [];
      const inits = new Map<string, { name: string; code: number | null; output: string }[]>();
      const outcomes = new Map<string, 'alive' | 'exited'>();
      // Everything at once, as a first rollout does: init containers, then the services (the
      // machine is small, but waiting for each in turn would take minutes).
      beforeAll(async () => {
        const objects = renderObjects('overlays/prod');
        launches = deploymentLaunches(objects, configMaps(objects), generatedSecrets(database));
        await Promise.all(
          launches.map(async (launch) => {
            const results = [];
            for (const init of launch.init) {
              const run = start(launch.name, init.args, localise(launch.name, init.env), 0);
              const code = await run.exit;
              results.push({ name: init.name, code, output: code === 0 ? '' : run.output() });
            }
            inits.set(launch.name, results);
          }),
        );
        await Promise.all(
          launches.map(async (launch) => {
            const started = start(
              launch.name,
              launch.args,
              localise(launch.name, launch.env),
              ports.get(launch.name) ?? 0,
            );
            running.push(started);
            k8s.set(launch.name, started);
            outcomes.set(launch.name, await aliveOrExited(started));
          }),
        );
      });

      it('has a Deployment for every service', () => {
        expect(launches.map((launch) => launch.name).sort()).toEqual(
          services.map((service) => service.name).sort(),
        );
      });

      it.each(services.map((service) => [service.name]))(
        '%s: init containers succeed, then the service accepts its environment and database',
        (name) => {
          const launch = launches.find((candidate) => candidate.name === name);
          expect(inits.get(name)).toEqual(
            launch?.init.map((init) => ({ name: init.name, code: 0, output: '' })),
          );
          const started = k8s.get(name) as Started;
          expect(refusals(started.output())).toEqual([]);
          // Without Kafka the only acceptable way to end is the broker: nothing else may stop it.
          if (outcomes.get(name) === 'exited') expect(started.output()).toMatch(/kafka/i);
        },
      );

      it('gateway: alive and ready without Kafka, stops cleanly on SIGTERM', async () => {
        const gateway = k8s.get('gateway') as Started;
        expect(await aliveOrExited(gateway)).toBe('alive');
        expect((await fetch(`http://127.0.0.1:${gateway.port}/readyz`)).status).toBe(200);
        expect({ code: await stopWithSigterm(gateway), output: '' }).toEqual({
          code: 0,
          output: '',
        });
      });

      // Kafka is absent here (KAFKA_BROKERS points at a closed port): a service stays up, retries
      // in the background and answers not ready until the broker can be reached.
      it.each(services.filter((service) => service.database).map((service) => [service.name]))(
        '%s: alive but not ready without Kafka, then stops cleanly on SIGTERM',
        async (name) => {
          const started = k8s.get(name) as Started;
          expect(await aliveOrExited(started)).toBe('alive');
          expect((await fetch(`http://127.0.0.1:${started.port}/readyz`)).status).toBe(503);
          expect(await stopWithSigterm(started)).toBe(0);
        },
      );
    });

    describe('compose', () => {
      let compose: Record<string, { environment?: Record<string, string | number> }>;
      let dotEnv: Env;
      const composed = new Map<string, Started>();
      const composedOutcomes = new Map<string, 'alive' | 'exited'>();
      beforeAll(async () => {
        // Earlier processes are done with their ports.
        for (const started of running) await stopWithSigterm(started);
        compose = (
          parseYaml(readWorkspaceFile('infra/compose/compose.yaml')) as {
            services: typeof compose;
          }
        ).services;
        // infra/compose/.env as the README says to make it: every key of .env.example, generated.
        dotEnv = {};
        for (const line of readWorkspaceFile('infra/compose/.env.example').split('\n')) {
          const key = /^([A-Z][A-Z0-9_]*)=/.exec(line)?.[1];
          if (key) dotEnv[key] = key === 'LOG_LEVEL' ? 'info' : randomBytes(24).toString('hex');
        }
        dotEnv['ISSUING_SIGNING_KEY'] = JSON.stringify(
          generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }),
        );
        await Promise.all(
          services.map(async ({ name }) => {
            const env: Env = {};
            for (const [key, value] of Object.entries(compose[name]?.environment ?? {})) {
              env[key] = interpolateCompose(String(value), dotEnv);
            }
            // The database account of compose's MySQL is this machine's MariaDB's.
            if (env['DATABASE_URL']) {
              const url = new URL(env['DATABASE_URL']);
              url.username = encodeURIComponent(database.user);
              url.password = encodeURIComponent(database.password);
              env['DATABASE_URL'] = url.toString();
            }
            const started = start(
              name,
              ['node', 'main.js'],
              localise(name, env),
              ports.get(name) ?? 0,
            );
            running.push(started);
            composed.set(name, started);
            composedOutcomes.set(name, await aliveOrExited(started));
          }),
        );
      });

      it('refuses to render without the secrets in .env', () => {
        const secret = String(compose['gateway']?.environment?.['AUTH_JWT_SECRET']);
        expect(() => interpolateCompose(secret, {})).toThrow(/AUTH_JWT_SECRET is required/);
      });

      it.each(services.map((service) => [service.name]))(
        '%s: accepts its compose environment and database',
        (name) => {
          const started = composed.get(name) as Started;
          expect(refusals(started.output())).toEqual([]);
          if (composedOutcomes.get(name) === 'exited') expect(started.output()).toMatch(/kafka/i);
        },
      );
    });

    describeWithKafka('overlays/prod with a Kafka broker: the contract journey', () => {
      let broker: PrivateBroker | undefined;
      const started = new Map<string, Started>();
      let authSecret = '';

      /**
       * The manifest's environment pointed at the rehearsal's broker, which listens in PLAINTEXT:
       * TLS and SASL settings, if the manifest gives any, are for the real brokers (the Kafka
       * security suite proves them against a SASL/TLS broker).
       */
      function withRehearsalBroker(env: Env): Env {
        return Object.fromEntries(
          Object.entries(env).filter(([key]) => !/^KAFKA_(SSL|SASL)/.test(key)),
        );
      }

      beforeAll(async () => {
        // Earlier processes are done with their ports.
        for (const earlier of running) await stopWithSigterm(earlier);
        broker = new PrivateBroker();
        kafkaBrokers = (await broker.start()).bootstrap;
        const objects = renderObjects('overlays/prod');
        const secrets = generatedSecrets(database);
        authSecret = secrets.get('certif-auth')?.['AUTH_JWT_SECRET'] ?? '';
        const launches = deploymentLaunches(objects, configMaps(objects), secrets);
        await Promise.all(
          launches.map(async (launch) => {
            for (const init of launch.init) {
              const env = withRehearsalBroker(localise(launch.name, init.env));
              const run = start(launch.name, init.args, env, 0);
              if ((await run.exit) !== 0) throw new Error(`${init.name}:\n${run.output()}`);
            }
            const service = start(
              launch.name,
              launch.args,
              withRehearsalBroker(localise(launch.name, launch.env)),
              ports.get(launch.name) ?? 0,
            );
            running.push(service);
            started.set(launch.name, service);
          }),
        );
      });

      afterAll(async () => {
        for (const service of started.values()) await stopWithSigterm(service);
        await broker?.destroy();
      });

      it('every service becomes ready once the broker can be reached', async () => {
        for (const [name, service] of started) {
          await waitFor(
            async () => {
              if (service.child.exitCode !== null) {
                throw new Error(`${name} exited:\n${service.output()}`);
              }
              const response = await fetch(`http://127.0.0.1:${service.port}/readyz`);
              if (response.status !== 200) throw new Error(`${name} is not ready`);
            },
            { timeoutMs: 180_000, intervalMs: 500 },
          ).catch((error: Error) => {
            throw new Error(`${error.message}\n${service.output().slice(-3000)}`);
          });
        }
      });

      it('issues and verifies a parchemin through the gateway: publish, enroll, plan, deliberate', async () => {
        const gateway = started.get('gateway') as Started;
        const journey = new Journey(`http://127.0.0.1:${gateway.port}/graphql`, authSecret);
        await journey.publishCertification('TP-REHEARSAL');
        const { candidateIds, deliberate } = await journey.prepareDeliberation(1, 'TP-REHEARSAL');
        expect((await deliberate()).errors).toBeUndefined();
        const [candidateId] = candidateIds as [string];
        const credentials = await journey.credentialsOnce(candidateId, (found) =>
          expect(found).toHaveLength(1),
        );
        expect(credentials[0]).toMatchObject({
          number: expect.stringMatching(/^TP-REHEARSAL-\d{4}-\d{6}$/),
          status: 'VALID',
        });
        expect(await journey.verify(credentials[0]?.verificationCode as string)).toMatchObject({
          valid: true,
          status: 'VALID',
        });
        for (const name of ['referentials', 'candidates', 'sessions', 'issuing']) {
          expect({
            name,
            deadLetters: await countRows(`${prefix}_${name}`, 'events_dead_letter'),
          }).toEqual({
            name,
            deadLetters: 0,
          });
        }
      });

      it('every service stops cleanly on SIGTERM', async () => {
        const codes: Record<string, number | null> = {};
        for (const [name, service] of started) codes[name] = await stopWithSigterm(service);
        expect(codes).toEqual(Object.fromEntries([...started.keys()].map((name) => [name, 0])));
      });
    });
  },
);
