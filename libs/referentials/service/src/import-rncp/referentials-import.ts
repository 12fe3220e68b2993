import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { systemClock, type Clock } from '@certif/platform-calendar';
import { Outbox } from '@certif/platform-events';
import {
  OutboxCertificationEvents,
  StagedRncpExport,
  TypeOrmReferentialsUnitOfWork,
  type ReadProgress,
} from '@certif/referentials-adapters';
import {
  ImportRegisterService,
  LoadSeedCertificationsService,
  type ImportOptions,
  type ImportReport,
} from '@certif/referentials-application';
import { SEED_CERTIFICATIONS } from '@certif/referentials-seeds';

export interface RegisterImportOptions extends ImportOptions {
  /** Load the seed certifications first, as the service does on start (they stay hand-made). */
  loadSeeds?: boolean;
  onRead?: ReadProgress;
}

/**
 * The import wired on the referentials database: its repositories and its outbox, so the events
 * leave with the service's relay as any other change does. The export is staged, imported and
 * its scratch copy deleted.
 */
export async function importRncpExport(
  dataSource: DataSource,
  exportPath: string,
  options: RegisterImportOptions = {},
  clock: Clock = systemClock,
): Promise<ImportReport> {
  const outbox = new Outbox({ source: 'certif/referentials' });
  const deps = {
    unitOfWork: new TypeOrmReferentialsUnitOfWork(
      dataSource,
      (manager) => new OutboxCertificationEvents(outbox, manager),
    ),
    clock,
    newId: randomUUID,
  };
  if (options.loadSeeds && !options.dryRun)
    await new LoadSeedCertificationsService(deps).execute(SEED_CERTIFICATIONS);
  const source = await StagedRncpExport.read(exportPath, options.onRead);
  try {
    return await new ImportRegisterService(deps).execute(source, options);
  } finally {
    source.close();
  }
}
