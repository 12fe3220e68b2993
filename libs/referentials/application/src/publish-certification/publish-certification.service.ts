import { assertPublishable, type Certification } from '@certif/referentials-domain';
import { loadCertification, publishChange } from '../certifications';
import type { ReferentialsDependencies } from '../ports';

/** publishCertification: DRAFT → ACTIVE (PUBLISHED). */
export class PublishCertificationService {
  constructor(private readonly deps: ReferentialsDependencies) {}

  execute(id: string): Promise<Certification> {
    const { clock } = this.deps;
    return this.deps.unitOfWork.transaction(async (tx) => {
      const current = await loadCertification(tx.certifications, id);
      assertPublishable(current, clock.today());
      const published = { ...current, publishedAt: clock.now(), version: current.version + 1 };
      await tx.certifications.update(published);
      await publishChange(tx, published, 'PUBLISHED', clock);
      return published;
    });
  }
}
