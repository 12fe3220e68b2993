import type { CertificationVersion } from '@certif/issuing-domain';
import type { IssuingDependencies } from '../ports';
import { refreshLivret } from '../refresh-livret';

/**
 * referentials.certification.v1: the highest version of each certification is kept. A revision
 * moves every livret of the lineage to the new version; a closure sets deadlines.
 */
export class RecordCertificationStateService {
  constructor(private readonly deps: IssuingDependencies) {}

  execute(version: CertificationVersion): Promise<void> {
    return this.deps.unitOfWork.transaction(async (tx) => {
      if (!(await tx.certifications.save(version))) return;
      const lineage = await tx.certifications.lineageOf(version.id);
      if (!lineage) return;
      const candidates = await tx.facts.candidatesWithFactsIn(lineage.versions.map((v) => v.id));
      for (const candidateId of [...candidates].sort())
        await refreshLivret(this.deps, tx, candidateId, lineage);
    });
  }
}
