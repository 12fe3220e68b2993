// Opens issuing's configured storage (DATABASE_URL, DATA_DIR, DATABASE_PREFIX) for the deposit
// commands, as the issuing service would: same database, migrations applied on MySQL.
import { existsSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import { databaseTarget, describeTarget, openDataSource } from '@certif/platform-persistence';
import { issuingSchema } from '@certif/issuing-service';

export async function openIssuingStorage(): Promise<DataSource | null> {
  const target = databaseTarget(
    'issuing',
    process.env['DATABASE_URL'] || undefined,
    process.env['DATA_DIR'] || '.data',
    process.env['DATABASE_PREFIX'] || 'certif',
  );
  if (target.kind === 'sqlite' && !existsSync(target.file)) {
    console.error(`issuing: no database at ${target.file} (has the service run yet?)`);
    return null;
  }
  console.error(`issuing: ${describeTarget(target)}`);
  return openDataSource({ ...issuingSchema, target, poolSize: 2 });
}
