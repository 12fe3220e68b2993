import { createConnection } from 'mysql2/promise';

export const testDatabaseUrl = (): string =>
  process.env['TEST_DATABASE_URL'] ?? 'mysql://root@127.0.0.1:3306';

/** Drops the databases a test platform made (`<prefix>_referentials`, …). */
export async function dropDatabases(prefix: string): Promise<void> {
  const url = new URL(testDatabaseUrl());
  const connection = await createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
  });
  try {
    const [rows] = await connection.query('SHOW DATABASES LIKE ?', [`${prefix}\\_%`]);
    for (const row of rows as Record<string, string>[]) {
      await connection.query(`DROP DATABASE \`${Object.values(row)[0]}\``);
    }
  } finally {
    await connection.end();
  }
}

/** Rows of a table in one of the platform's databases. */
export async function countRows(database: string, table: string): Promise<number> {
  const url = new URL(testDatabaseUrl());
  const connection = await createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
    database,
  });
  try {
    const [rows] = await connection.query(`SELECT COUNT(*) AS n FROM \`${table}\``);
    return Number((rows as { n: number }[])[0]?.n);
  } finally {
    await connection.end();
  }
}
