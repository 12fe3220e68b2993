import type { CertificationDraft } from '@certif/referentials-domain';
import { CreateCertificationService } from '../create-certification/create-certification.service';
import type { ReferentialsDependencies } from '../ports';
import { PublishCertificationService } from '../publish-certification/publish-certification.service';

export interface SeedReport {
  loaded: string[];
  alreadyPresent: string[];
}

/**
 * Loads the certifications the platform ships with, once: a code already present is left as it
 * is (it may have been revised or closed since), so restarting never duplicates or resets data.
 * Each seed is created, then published, as a REFERENTIAL_MANAGER would.
 */
export class LoadSeedCertificationsService {
  private readonly create: CreateCertificationService;
  private readonly publish: PublishCertificationService;

  constructor(private readonly deps: ReferentialsDependencies) {
    this.create = new CreateCertificationService(deps);
    this.publish = new PublishCertificationService(deps);
  }

  async execute(seeds: readonly CertificationDraft[]): Promise<SeedReport> {
    const report: SeedReport = { loaded: [], alreadyPresent: [] };
    for (const seed of seeds) {
      if (await this.deps.unitOfWork.reader.findByCode(seed.code)) {
        report.alreadyPresent.push(seed.code);
        continue;
      }
      const created = await this.create.execute(seed);
      await this.publish.execute(created.id);
      report.loaded.push(seed.code);
    }
    return report;
  }
}
