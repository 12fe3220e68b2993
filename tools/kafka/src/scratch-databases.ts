import { dropDatabasesOf, testDatabaseUrl } from '@certif/platform-persistence/testing';

export { countRows, testDatabaseUrl } from '@certif/platform-persistence/testing';

/** Drops the databases a test platform made (`<prefix>_referentials`, …). */
export async function dropDatabases(prefix: string): Promise<void> {
  await dropDatabasesOf(testDatabaseUrl(), prefix);
}
