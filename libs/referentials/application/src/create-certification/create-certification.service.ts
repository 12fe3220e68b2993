import {
  validateCertificationDraft,
  type Certification,
  type CertificationDraft,
} from '@certif/referentials-domain';
import { assertCodeFree, certificationFromDraft } from '../certifications';
import type { ReferentialsDependencies } from '../ports';

/** createCertification: a DRAFT, under a code no other certification has. */
export class CreateCertificationService {
  constructor(private readonly deps: ReferentialsDependencies) {}

  async execute(draft: CertificationDraft): Promise<Certification> {
    validateCertificationDraft(draft);
    return this.deps.unitOfWork.transaction(async ({ certifications }) => {
      await assertCodeFree(certifications, draft.code);
      const certification = certificationFromDraft(draft, this.deps.newId, {
        publishedAt: null,
        importedFrom: null,
      });
      await certifications.insert(certification);
      return certification;
    });
  }
}
