import { planRevision, type Certification, type RevisionDraft } from '@certif/referentials-domain';
import {
  assertCodeFree,
  certificationFromDraft,
  loadCertification,
  publishChange,
} from '../certifications';
import type { ReferentialsDependencies } from '../ports';

/** reviseCertification (R4): a new ACTIVE version with its own code; the old one becomes REVISED and points to it. */
export class ReviseCertificationService {
  constructor(private readonly deps: ReferentialsDependencies) {}

  execute(id: string, revision: RevisionDraft): Promise<Certification> {
    const { clock } = this.deps;
    return this.deps.unitOfWork.transaction(async (tx) => {
      const current = await loadCertification(tx.certifications, id);
      const planned = planRevision(current, revision, clock.today());
      await assertCodeFree(tx.certifications, planned.draft.code);
      const created = certificationFromDraft(planned.draft, this.deps.newId, {
        publishedAt: null,
        importedFrom: null,
      });
      const oldIds = new Map(current.components.map((c) => [c.code, c.id]));
      const newIds = new Map(created.components.map((c) => [c.code, c.id]));
      const revised: Certification = {
        ...created,
        publishedAt: clock.now(),
        revisesId: current.id,
        correspondences: planned.correspondences.map((c) => ({
          fromComponentIds: c.from.map((code) => oldIds.get(code) as string),
          toComponentId: newIds.get(c.to) as string,
        })),
      };
      const superseded = { ...current, revisedById: revised.id, version: current.version + 1 };
      await tx.certifications.insert(revised);
      await tx.certifications.update(superseded);
      await publishChange(tx, superseded, 'REVISED', clock);
      await publishChange(tx, revised, 'REVISED', clock);
      return revised;
    });
  }
}
