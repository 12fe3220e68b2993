// What the operations commands (tools/cpf, tools/events) share: running a `main` as the process,
// and opening a service's database the way the service is configured.
import { existsSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import {
  databaseTarget,
  describeTarget,
  openDataSource,
  type ServiceSchema,
} from '@certif/platform-persistence';

/**
 * Runs `main` on the process's arguments: what it returns is the exit code (2: usage), a crash
 * is printed (`describe`: the whole error by default) and exits 1.
 */
export function runCli(
  main: (args: string[]) => Promise<number>,
  describe: (error: unknown) => unknown = (error) => error,
): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(describe(error));
      process.exitCode = 1;
    },
  );
}

/**
 * Runs `work` on a service's database as the service is configured (DATABASE_URL, DATA_DIR,
 * DATABASE_PREFIX), closed after; 1 when its SQLite file does not exist yet.
 */
export async function withServiceDatabase(
  service: string,
  schema: ServiceSchema,
  work: (dataSource: DataSource) => Promise<number>,
): Promise<number> {
  const target = databaseTarget(
    service,
    process.env['DATABASE_URL'] || undefined,
    process.env['DATA_DIR'] || '.data',
    process.env['DATABASE_PREFIX'] || 'certif',
  );
  if (target.kind === 'sqlite' && !existsSync(target.file)) {
    console.error(`${service}: no database at ${target.file} (has the service run yet?)`);
    return 1;
  }
  console.error(`${service}: ${describeTarget(target)}`);
  const dataSource = await openDataSource({ ...schema, target, poolSize: 2 });
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
