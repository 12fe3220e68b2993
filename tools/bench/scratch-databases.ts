import { createConnection, type Connection } from 'mysql2/promise';

async function withServer<T>(
  databaseUrl: string,
  work: (connection: Connection) => Promise<T>,
): Promise<T> {
  const url = new URL(databaseUrl);
  const connection = await createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
    connectTimeout: 5_000,
  });
  try {
    return await work(connection);
  } finally {
    await connection.end();
  }
}

export function serverVersion(databaseUrl: string): Promise<string> {
  return withServer(databaseUrl, async (connection) => {
    const [rows] = await connection.query('SELECT VERSION() AS version');
    return String((rows as { version: string }[])[0]?.version ?? 'unknown');
  });
}

/** Drops every database named `<prefix>_…`: the platform's and the reference's. */
export function dropScratchDatabases(databaseUrl: string, prefix: string): Promise<string[]> {
  if (!/^certif_bench_[a-z0-9]+$/.test(prefix))
    throw new Error(`refusing to drop databases of prefix ${prefix}`);
  return withServer(databaseUrl, async (connection) => {
    const [rows] = await connection.query('SHOW DATABASES LIKE ?', [`${prefix}\\_%`]);
    const names = (rows as Record<string, string>[]).map((row) => String(Object.values(row)[0]));
    for (const name of names) await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
    return names;
  });
}
