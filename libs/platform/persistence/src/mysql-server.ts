import { createConnection } from 'mysql2/promise';
import type { MysqlTarget } from './database-target';
import { checkServerVersion } from './server-version';

export interface MysqlServerInfo {
  version: string;
  isMariaDb: boolean;
}

async function withServer<T>(
  target: MysqlTarget,
  work: (run: (sql: string) => Promise<unknown>) => Promise<T>,
): Promise<T> {
  const connection = await createConnection({
    host: target.host,
    port: target.port,
    user: target.user,
    password: target.password,
    connectTimeout: 5_000,
  });
  try {
    return await work(async (sql) => (await connection.query(sql))[0]);
  } finally {
    await connection.end();
  }
}

/**
 * Refuses a server too old for the platform (server-version.ts), creates the service's database when missing and tells whether the server is MariaDB, so the
 * data source uses TypeORM's `mariadb` driver there (it differs from MySQL on e.g. RETURNING).
 */
export async function prepareMysqlDatabase(target: MysqlTarget): Promise<MysqlServerInfo> {
  return withServer(target, async (run) => {
    const rows = (await run('SELECT VERSION() AS version')) as { version: string }[];
    const version = rows[0]?.version ?? '';
    checkServerVersion(version);
    await run(
      `CREATE DATABASE IF NOT EXISTS \`${target.database}\` ` +
        'CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci',
    );
    return { version, isMariaDb: /mariadb/i.test(version) };
  });
}

export async function dropMysqlDatabase(target: MysqlTarget): Promise<void> {
  await withServer(target, (run) => run(`DROP DATABASE IF EXISTS \`${target.database}\``));
}
