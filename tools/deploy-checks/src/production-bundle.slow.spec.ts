import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { dropDatabasesOf, freePort } from '@certif/platform-persistence/testing';
import { readWorkspaceFile, workspacePath } from './workspace';

// SLOW (2–5 min: two tsc builds and one `npm ci`, side by side). What the image runs, without Docker, following
// the Dockerfile's steps: the production bundles of the gateway and referentials
// (tools/build/build-apps.mjs), each in a folder outside the workspace with the production
// dependencies installed from the same package-lock by the Dockerfile's own `npm ci` command, so
// that nothing resolves from the workspace's node_modules. Started as the image's CMD starts them —
// `node --enable-source-maps main.js` in the bundle folder, NODE_ENV=production, real secrets, no
// ts-node — then probed and stopped with SIGTERM, as Kubernetes would.

jest.setTimeout(420_000);

const mysqlUrl = process.env['TEST_DATABASE_URL'] ?? 'mysql://root@127.0.0.1:3306';
const mysqlState = process.env['CERTIF_TEST_MYSQL'];
const mysqlSkipReason = mysqlState === undefined || mysqlState === 'available' ? null : mysqlState;
// The scratch database needs the app to read a database prefix; until it does, the service runs
// on its embedded SQLite (production mode all the same) and MySQL is proven by `migrate.js`.
const appReadsPrefix = readFileSync(
  workspacePath('apps/referentials/src/main.ts'),
  'utf8',
).includes('DATABASE_PREFIX');
const prefix = `certif_bundle_${randomBytes(3).toString('hex')}`;
const secrets = {
  AUTH_JWT_SECRET: randomBytes(32).toString('hex'),
  INTERNAL_AUTH_SECRET: randomBytes(32).toString('hex'),
};

interface Started {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
}

// Outside the workspace, as /app is in the image: a package missing from the production
// dependencies cannot be found in the workspace's node_modules instead.
const outRoot = mkdtempSync(join(tmpdir(), 'certif-bundles-'));

function bundle(app: string): string {
  return join(outRoot, app);
}

/** `node <args>` in the app's bundle, with only the environment given (as in a container). */
function start(app: string, args: string[], env: Record<string, string>): Started {
  let output = '';
  const child = spawn(process.execPath, args, {
    cwd: bundle(app),
    env: {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'production',
      APOLLO_TELEMETRY_DISABLED: '1',
      ...env,
    },
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exit };
}

async function run(
  app: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const started = start(app, args, env);
  return { code: await started.exit, output: started.output() };
}

async function waitUntilReady(started: Started, port: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  let exited = false;
  void started.exit.then(() => (exited = true));
  while (Date.now() < deadline && !exited) {
    const response = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => null);
    if (response?.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`not ready on port ${port}${exited ? ' (it exited)' : ''}:\n${started.output()}`);
}

async function stop(started: Started): Promise<number | null> {
  started.child.kill('SIGTERM');
  return started.exit;
}

/** A build step: its exit code and everything it printed. */
function runCommand(
  command: string,
  args: string[],
  cwd: string,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    let output = '';
    const child = spawn(command, args, { cwd });
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, output }));
  });
}

/** The `npm ci …` of the Dockerfile's production-dependencies stage. */
function productionInstallArgs(): string[] {
  let stage = '';
  for (const line of readWorkspaceFile('Dockerfile').split('\n')) {
    const from = /^FROM\s+\S+(?:\s+AS\s+(\S+))?/i.exec(line);
    if (from) stage = from[1] ?? '';
    const install = /\bnpm (ci\b.*)$/.exec(line);
    if (stage === 'production-dependencies' && install?.[1]) return install[1].trim().split(/\s+/);
  }
  throw new Error('no `npm ci` in the Dockerfile stage production-dependencies');
}

/**
 * The image's node_modules: the production-dependencies stage (same package.json and lockfile,
 * the Dockerfile's `npm ci`), then each bundle copied over it. Two liberties, both for speed:
 * npm's cache is preferred to the registry, and install scripts are skipped — the one that
 * matters, better-sqlite3's native build, is taken from the workspace (same Node, same machine)
 * instead of compiled again.
 */
async function installProductionDependencies(): Promise<string> {
  const folder = join(outRoot, 'production-dependencies');
  mkdirSync(folder);
  for (const file of ['package.json', 'package-lock.json'])
    copyFileSync(workspacePath(file), join(folder, file));
  const args = [...productionInstallArgs(), '--ignore-scripts', '--prefer-offline'];
  const install = await runCommand('npm', args, folder);
  if (install.code !== 0) throw new Error(`npm ${args.join(' ')} failed:\n${install.output}`);
  const sqlite = 'node_modules/better-sqlite3/build/Release';
  cpSync(workspacePath(sqlite), join(folder, sqlite), { recursive: true });
  return join(folder, 'node_modules');
}

describe('[slow] production bundles of referentials and the gateway, as the image runs them', () => {
  const running: Started[] = [];
  let dataDir: string;
  let productionModules: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'certif-bundle-'));
    // The build and the install at the same time, as the image's two stages can run.
    // --no-typecheck: the same emitted files; CI has type-checked the workspace in its step before.
    const [build, modules] = await Promise.all([
      runCommand(
        process.execPath,
        [
          workspacePath('tools/build/build-apps.mjs'),
          '--no-typecheck',
          '--out-dir',
          outRoot,
          'referentials',
          'gateway',
        ],
        workspacePath(),
      ),
      installProductionDependencies(),
    ]);
    if (build.code !== 0) throw new Error(`build failed:\n${build.output}`);
    productionModules = modules;
    // `COPY --from=production-dependencies /app/node_modules`, then the bundle over it (hard
    // links: quick, and the bundle's node_modules/@certif stays).
    for (const app of ['referentials', 'gateway']) {
      const copy = spawnSync(
        'cp',
        ['-al', `${productionModules}/.`, join(bundle(app), 'node_modules')],
        {
          encoding: 'utf8',
        },
      );
      if (copy.status !== 0) throw new Error(`cp -al failed: ${copy.stderr}`);
    }
    // @apollo/gateway's own dependency, which a subgraph has no use for: not there, it is not needed.
    rmSync(join(bundle('referentials'), 'node_modules/@apollo/composition'), { recursive: true });
  });

  afterAll(async () => {
    for (const started of running)
      if (started.child.exitCode === null) started.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(outRoot, { recursive: true, force: true });
    if (!mysqlSkipReason) await dropDatabasesOf(mysqlUrl, prefix);
  });

  it('installs production dependencies from the same lockfile, without the dev tools', () => {
    const manifest = JSON.parse(readWorkspaceFile('package.json')) as {
      devDependencies: Record<string, string>;
    };
    const installed = Object.keys(manifest.devDependencies).filter((name) =>
      existsSync(join(productionModules, name)),
    );
    // Only what production packages depend on themselves (@apollo/gateway composes and plans;
    // type-only packages some libraries declare): no compiler, no ts-node, no test runner, no
    // linter.
    expect(installed).toEqual([
      '@apollo/composition',
      '@apollo/query-planner',
      '@graphql-typed-document-node/core',
      '@types/node',
    ]);
    for (const tool of ['typescript', 'ts-node', 'tsconfig-paths', 'jest', 'nx', 'eslint'])
      expect({ tool, installed: existsSync(join(productionModules, tool)) }).toEqual({
        tool,
        installed: false,
      });
    // The bundle resolves its packages from its own node_modules, never from the workspace's.
    const resolved = spawnSync(process.execPath, ['-p', "require.resolve('typeorm')"], {
      cwd: bundle('referentials'),
      env: { PATH: process.env['PATH'] ?? '' },
      encoding: 'utf8',
    });
    expect(resolved.stdout.trim()).toBe(
      join(bundle('referentials'), 'node_modules/typeorm/index.js'),
    );
  });

  it('contains launchers, the alias modules and the supergraph, and no TypeScript', () => {
    const listing = spawnSync(
      'find',
      [
        '.',
        '-path',
        './node_modules',
        '-prune',
        '-o',
        '-name',
        '*.ts',
        '-not',
        '-name',
        '*.d.ts',
        '-print',
      ],
      {
        cwd: bundle('referentials'),
        encoding: 'utf8',
      },
    );
    expect(listing.stdout.trim()).toBe('');
    expect(
      readFileSync(
        join(bundle('referentials'), 'node_modules/@certif/referentials-service/index.js'),
        'utf8',
      ),
    ).toMatch(/require\("\.\.\/\.\.\/\.\.\/libs\/referentials\/service\/src\/index\.js"\)/);
    expect(readFileSync(join(bundle('gateway'), 'apps/gateway/supergraph.graphql'), 'utf8')).toBe(
      readFileSync(workspacePath('apps/gateway/supergraph.graphql'), 'utf8'),
    );
  });

  (mysqlSkipReason ? it.skip : it)(
    `migrate.js applies the migrations on MySQL/MariaDB, then finds nothing to do${mysqlSkipReason ? ` — skipped: ${mysqlSkipReason}` : ''}`,
    async () => {
      const env = { DATABASE_URL: mysqlUrl, DATABASE_PREFIX: prefix };
      const first = await run('referentials', ['migrate.js'], env);
      expect(first).toMatchObject({ code: 0 });
      expect(first.output).toMatch(/"applied":\["CreateEventsTables\d+",/);
      const second = await run('referentials', ['migrate.js'], env);
      expect(second).toMatchObject({ code: 0 });
      expect(second.output).toMatch(/schema already current/);
    },
  );

  it('refuses to start in production without real secrets, naming them', async () => {
    const refused = await run('referentials', ['main.js'], {
      DATA_DIR: dataDir,
      PORT: String(await freePort()),
    });
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/AUTH_JWT_SECRET: production needs/);
  });

  const database = appReadsPrefix && !mysqlSkipReason ? 'MySQL/MariaDB' : 'embedded SQLite';
  it(`serves /healthz, /readyz and a query through the gateway (referentials on ${database}), then stops on SIGTERM with exit code 0`, async () => {
    const referentialsPort = await freePort();
    const referentials = start('referentials', ['--enable-source-maps', 'main.js'], {
      ...secrets,
      // No Kafka here; the bundle, not the broker, is under test (production-rehearsal has both).
      ALLOW_EMBEDDED_IN_PRODUCTION: 'true',
      PORT: String(referentialsPort),
      ...(database === 'MySQL/MariaDB'
        ? { DATABASE_URL: mysqlUrl, DATABASE_PREFIX: prefix }
        : { DATA_DIR: dataDir }),
    });
    running.push(referentials);
    await waitUntilReady(referentials, referentialsPort);
    expect((await fetch(`http://127.0.0.1:${referentialsPort}/healthz`)).status).toBe(200);
    // The image's HEALTHCHECK command.
    const health = spawnSync(process.execPath, ['healthcheck.js'], {
      cwd: bundle('referentials'),
      env: { PORT: String(referentialsPort) },
    });
    expect(health.status).toBe(0);

    const gatewayPort = await freePort();
    const gateway = start('gateway', ['--enable-source-maps', 'main.js'], {
      ...secrets,
      PORT: String(gatewayPort),
      REFERENTIALS_URL: `http://127.0.0.1:${referentialsPort}/graphql`,
    });
    running.push(gateway);
    await waitUntilReady(gateway, gatewayPort);

    const token = await new SignJWT({ roles: ['ADMIN'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('deploy-check')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(secrets.AUTH_JWT_SECRET));
    const response = await fetch(`http://127.0.0.1:${gatewayPort}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ certifications(first: 10) { totalCount } }' }),
    });
    const body = (await response.json()) as { data?: { certifications: { totalCount: number } } };
    expect({ status: response.status, body }).toEqual({
      status: 200,
      body: { data: { certifications: { totalCount: 5 } } },
    });

    // Gateway first, as a rollout would; each must finish its work and exit 0.
    const stopped = { gateway: await stop(gateway), referentials: await stop(referentials) };
    const logs = `${gateway.output()}\n${referentials.output()}`;
    const clean = stopped.gateway === 0 && stopped.referentials === 0;
    const hint = logs.includes('SIGTERM again')
      ? "Apollo Server's own SIGTERM handler stopped the server and sent SIGTERM again, which " +
        'stopOnSignals took for a second signal: startHttpService must pass stopOnTerminationSignals: false'
      : '';
    expect({ stopped, logs: clean ? '' : logs, hint: clean ? '' : hint }).toEqual({
      stopped: { gateway: 0, referentials: 0 },
      logs: '',
      hint: '',
    });
  });
});
