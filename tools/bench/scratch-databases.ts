import { dropDatabasesOf } from '@certif/platform-persistence/testing';

export { serverVersion } from '@certif/platform-persistence/testing';

/** Drops every database named `<prefix>_…`: the platform's and the reference's. */
export function dropScratchDatabases(databaseUrl: string, prefix: string): Promise<string[]> {
  if (!/^certif_bench_[a-z0-9]+$/.test(prefix))
    throw new Error(`refusing to drop databases of prefix ${prefix}`);
  return dropDatabasesOf(databaseUrl, prefix);
}
