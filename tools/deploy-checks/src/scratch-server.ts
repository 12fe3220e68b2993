import { createServer } from 'node:net';
import { createConnection } from 'mysql2/promise';

// What the slow deploy checks need of this machine: free ports for the services they start, and
// dropping their scratch databases on the shared server after. (These checks depend on no
// library of the workspace: they run the built bundles from outside.)

/** A TCP port free on 127.0.0.1 now. */
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

/** Drops every database named `<prefix>_…` on the server of `databaseUrl`. */
export async function dropDatabasesOf(databaseUrl: string, prefix: string): Promise<void> {
  const url = new URL(databaseUrl);
  const connection = await createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
  });
  try {
    const [rows] = await connection.query('SHOW DATABASES LIKE ?', [`${prefix}\\_%`]);
    for (const row of rows as Record<string, string>[]) {
      await connection.query(`DROP DATABASE IF EXISTS \`${Object.values(row)[0]}\``);
    }
  } finally {
    await connection.end();
  }
}
