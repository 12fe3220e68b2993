import type { CertificationDraft } from '@certif/referentials-domain';
import type { CertificationCatalog } from './certification-catalog';

export interface SeedReport {
  loaded: string[];
  alreadyPresent: string[];
}

/**
 * Loads the certifications the platform ships with, once: a code already present is left as it
 * is (it may have been revised or closed since), so restarting never duplicates or resets data.
 */
export async function loadSeedCertifications(
  catalog: CertificationCatalog,
  seeds: readonly CertificationDraft[],
): Promise<SeedReport> {
  const report: SeedReport = { loaded: [], alreadyPresent: [] };
  for (const seed of seeds) {
    if (await catalog.find({ code: seed.code })) {
      report.alreadyPresent.push(seed.code);
      continue;
    }
    const created = await catalog.create(seed);
    await catalog.publish(created.id);
    report.loaded.push(seed.code);
  }
  return report;
}
