import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { dropDatabasesOf, freePort } from '@certif/platform-persistence/testing';
import { workspacePath } from './workspace';

// SLOW (about 30–60 s: two tsc builds). What the image runs, without Docker: the production
// bundles of the gateway and referentials (tools/build/build-apps.mjs), started as the image's
// CMD starts them — `node --enable-source-maps main.js` in the bundle folder, NODE_ENV=production,
// real secrets, no ts-node — then probed and stopped with SIGTERM, as Kubernetes would.

jest.setTimeout(180_000);

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

// A folder of its own inside the workspace (tmp/ is ignored everywhere): runs in parallel with
// anyone's `dist/` builds, and the workspace's node_modules still resolve from it.
const outRoot = workspacePath('tmp', `deploy-checks-bundles-${randomBytes(3).toString('hex')}`);

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

describe('[slow] production bundles of referentials and the gateway, as the image runs them', () => {
  const running: Started[] = [];
  let dataDir: string;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'certif-bundle-'));
    // --no-typecheck: the same emitted files; CI has type-checked the workspace in its step before.
    const build = spawnSync(
      process.execPath,
      [
        workspacePath('tools/build/build-apps.mjs'),
        '--no-typecheck',
        '--out-dir',
        outRoot,
        'referentials',
        'gateway',
      ],
      { cwd: workspacePath(), encoding: 'utf8' },
    );
    if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
  });

  afterAll(async () => {
    for (const started of running)
      if (started.child.exitCode === null) started.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(outRoot, { recursive: true, force: true });
    if (!mysqlSkipReason) await dropDatabasesOf(mysqlUrl, prefix);
  });

  it('contains launchers, the alias modules and the supergraph, and no TypeScript', () => {
    const listing = spawnSync('find', ['.', '-name', '*.ts', '-not', '-name', '*.d.ts'], {
      cwd: bundle('referentials'),
      encoding: 'utf8',
    });
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
