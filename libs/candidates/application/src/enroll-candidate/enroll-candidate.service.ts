import { NotFound } from '@certif/platform-errors';
import {
  assertEnrollable,
  validateEnrollmentDraft,
  type Enrollment,
  type EnrollmentDraft,
} from '@certif/candidates-domain';
import type { CandidatesDependencies } from '../ports';
import { certificationLineage } from './certification-lineage';

/**
 * Enrols a candidate in a certification on a pathway. The certification is judged on the local
 * read model (no call to referentials on this write path); candidates.candidate.v1 says ENROLLED.
 */
export class EnrollCandidateService {
  constructor(private readonly deps: CandidatesDependencies) {}

  async execute(input: EnrollmentDraft): Promise<Enrollment> {
    const draft = validateEnrollmentDraft(input);
    return this.deps.unitOfWork.transaction(async ({ candidates, certifications, events }) => {
      const candidate = await candidates.lock(draft.candidateId);
      if (!candidate) throw new NotFound('candidate', draft.candidateId);
      const certification = await certifications.findById(draft.certificationId);
      const lineage = certification
        ? await certificationLineage(certifications, certification)
        : new Map();
      const enrollments = await candidates.enrollmentsOf(candidate.id);
      assertEnrollable(draft, {
        candidate,
        certification,
        lineage,
        enrollments,
        today: this.deps.clock.today(),
      });

      const enrollment: Enrollment = {
        id: this.deps.newId(),
        ...draft,
        status: 'OPEN',
        enrolledAt: this.deps.clock.now(),
        vaeAdmissibility: null,
      };
      const changed = { ...candidate, version: candidate.version + 1 };
      await candidates.insertEnrollment(enrollment);
      await candidates.update(changed);
      await events.changed(changed, [...enrollments, enrollment], 'ENROLLED');
      return enrollment;
    });
  }
}
