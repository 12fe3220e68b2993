import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { freePort } from './scratch-mysql';

// A MariaDB server of a test's own, for fault tests that stop the database: the shared server
// (TEST_DATABASE_URL) must never be stopped. Its own datadir (mariadb-install-db), port and
// socket, in a temporary folder removed by destroy(). Every wait is bounded.

const MARIADBD = ['/usr/sbin/mariadbd', '/usr/sbin/mysqld', '/usr/bin/mariadbd'];
const INSTALL_DB = ['/usr/bin/mariadb-install-db', '/usr/bin/mysql_install_db'];

const firstExisting = (paths: string[]) => paths.find((path) => existsSync(path));

/** Why no private MariaDB can be started here, or null when it can. */
export function privateMariadbUnavailableReason(): string | null {
  if (!firstExisting(MARIADBD)) return `no mariadbd in ${MARIADBD.join(', ')}`;
  if (!firstExisting(INSTALL_DB)) return `no mariadb-install-db in ${INSTALL_DB.join(', ')}`;
  return null;
}

export interface PrivateMariadb {
  /** mysql://root@127.0.0.1:<port>, for DATABASE_URL. */
  url: string;
  port: number;
  /** Shuts the server down (SIGTERM, then SIGKILL after 30 s); its data stays. */
  stop(): Promise<void>;
  /** Starts it again on the same data, port and socket; resolves once it answers. */
  start(): Promise<void>;
  /** Stops it and removes its folder. */
  destroy(): Promise<void>;
}

async function waitUntilAnswering(port: number, child: ChildProcess, log: () => string) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`mariadbd exited (${child.exitCode}):\n${log()}`);
    try {
      const connection = await createConnection({
        host: '127.0.0.1',
        port,
        user: 'root',
        connectTimeout: 1_000,
      });
      await connection.end();
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        throw new Error(
          `mariadbd did not answer on ${port} within 60 s: ${String(error)}\n${log()}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

export async function startPrivateMariadb(): Promise<PrivateMariadb> {
  const reason = privateMariadbUnavailableReason();
  if (reason) throw new Error(`cannot start a private MariaDB: ${reason}`);
  const folder = mkdtempSync(join(tmpdir(), 'certif-mariadb-'));
  const datadir = join(folder, 'data');
  const user = spawnSync('id', ['-un'], { encoding: 'utf8' }).stdout.trim() || 'root';
  const installed = spawnSync(
    firstExisting(INSTALL_DB) as string,
    [
      '--no-defaults',
      `--datadir=${datadir}`,
      `--user=${user}`,
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
  if (installed.status !== 0) {
    rmSync(folder, { recursive: true, force: true });
    throw new Error(`mariadb-install-db failed:\n${installed.stdout}\n${installed.stderr}`);
  }
  const port = await freePort();
  let child: ChildProcess | undefined;
  let log = '';
  const killOnExit = () => child?.kill('SIGKILL');
  process.once('exit', killOnExit);

  const start = async () => {
    if (child && child.exitCode === null) return;
    log = '';
    child = spawn(
      firstExisting(MARIADBD) as string,
      [
        '--no-defaults',
        `--datadir=${datadir}`,
        `--socket=${join(folder, 'mariadbd.sock')}`,
        `--pid-file=${join(folder, 'mariadbd.pid')}`,
        `--port=${port}`,
        '--bind-address=127.0.0.1',
        `--user=${user}`,
        // root@localhost without a password, reached over TCP: no grants to look up.
        '--skip-grant-tables',
        '--skip-log-bin',
        '--innodb-buffer-pool-size=64M',
        '--max-connections=200',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const running = child;
    await waitUntilAnswering(port, running, () => log);
  };

  const stop = async () => {
    const running = child;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    running.kill('SIGTERM');
    const timer = setTimeout(() => running.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
  };

  await start();
  return {
    url: `mysql://root@127.0.0.1:${port}`,
    port,
    start,
    stop,
    destroy: async () => {
      await stop();
      process.removeListener('exit', killOnExit);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
