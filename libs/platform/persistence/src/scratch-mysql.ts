import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection, type Connection } from 'mysql2/promise';

// Test and tool support: scratch databases on the shared MySQL/MariaDB server, dropped after.

/** The shared server of the tests (TEST_DATABASE_URL). */
export const testDatabaseUrl = (): string =>
  process.env['TEST_DATABASE_URL'] ?? 'mysql://root@127.0.0.1:3306';

/** A connection to the server of `databaseUrl` (to `database` when given), closed after `work`. */
export async function withMysqlConnection<T>(
  databaseUrl: string,
  work: (connection: Connection) => Promise<T>,
  database?: string,
): Promise<T> {
  const url = new URL(databaseUrl);
  const connection = await createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
    connectTimeout: 5_000,
    ...(database ? { database } : {}),
  });
  try {
    return await work(connection);
  } finally {
    await connection.end();
  }
}

/** Drops every database named `<prefix>_…` (a test platform's, a bench's); returns their names. */
export function dropDatabasesOf(databaseUrl: string, prefix: string): Promise<string[]> {
  return withMysqlConnection(databaseUrl, async (connection) => {
    const [rows] = await connection.query('SHOW DATABASES LIKE ?', [`${prefix}\\_%`]);
    const names = (rows as Record<string, string>[]).map((row) => String(Object.values(row)[0]));
    for (const name of names) await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
    return names;
  });
}

/** The server's version string (SELECT VERSION()). */
export function serverVersion(databaseUrl: string): Promise<string> {
  return withMysqlConnection(databaseUrl, async (connection) => {
    const [rows] = await connection.query('SELECT VERSION() AS version');
    return String((rows as { version: string }[])[0]?.version ?? 'unknown');
  });
}

/** Rows of a table in one of the platform's databases on the test server. */
export function countRows(database: string, table: string): Promise<number> {
  return withMysqlConnection(
    testDatabaseUrl(),
    async (connection) => {
      const [rows] = await connection.query(`SELECT COUNT(*) AS n FROM \`${table}\``);
      return Number((rows as { n: number }[])[0]?.n);
    },
    database,
  );
}

/** A TCP port free on 127.0.0.1 now (for a server a test starts). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Where a service started by a test keeps its data: a temporary folder, and scratch MySQL. */
export interface ScratchStorage {
  dataDir: string;
  /** `databaseUrl` and `databasePrefix` on MySQL; nothing on SQLite (files in `dataDir`). */
  settings: { databaseUrl?: string; databasePrefix?: string };
  /** Removes the folder and drops the databases. */
  remove(): Promise<void>;
}

/** Storage of its own for a service or a platform started by a test, named after `label`. */
export function scratchStorage(dialect: 'sqlite' | 'mysql', label: string): ScratchStorage {
  const dataDir = mkdtempSync(join(tmpdir(), `certif-${label}-`));
  const databasePrefix = `certif_${label}_${randomBytes(3).toString('hex')}`;
  const databaseUrl = dialect === 'mysql' ? testDatabaseUrl() : undefined;
  return {
    dataDir,
    settings: databaseUrl ? { databaseUrl, databasePrefix } : {},
    remove: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      if (databaseUrl) await dropDatabasesOf(databaseUrl, databasePrefix);
    },
  };
}
