import { InvalidInput, NotFound } from '@certif/platform-errors';
import {
  isErased,
  planVaeAdmissibility,
  type Enrollment,
  type VaeAdmissibilityDraft,
} from '@certif/candidates-domain';
import type { CandidatesDependencies } from '../ports';

/** R6: records the recevabilité of a VAE enrolment; candidates.candidate.v1 says so. */
export class RecordVaeAdmissibilityService {
  constructor(private readonly deps: CandidatesDependencies) {}

  async execute(enrollmentId: string, notice: VaeAdmissibilityDraft): Promise<Enrollment> {
    return this.deps.unitOfWork.transaction(async ({ candidates, certifications, events }) => {
      // Locking reads, enrolment then candidate: a concurrent recording waits, then sees this one.
      const enrollment = await candidates.lockEnrollment(enrollmentId);
      if (!enrollment) throw new NotFound('enrollment', enrollmentId);
      const candidate = await candidates.lock(enrollment.candidateId);
      if (!candidate) throw new NotFound('candidate', enrollment.candidateId);
      if (isErased(candidate)) {
        throw new InvalidInput(
          `the candidate of enrolment ${enrollmentId} was erased (R13)`,
          'enrollmentId',
          'R13',
        );
      }
      const certification = await certifications.findById(enrollment.certificationId);
      if (!certification) {
        throw new InvalidInput(
          `certification ${enrollment.certificationId} is not known (yet); try again shortly`,
          'enrollmentId',
        );
      }
      const { clock } = this.deps;
      const admissibility = planVaeAdmissibility(
        enrollment,
        notice,
        certification,
        clock.today(),
        clock.now(),
      );
      if (!admissibility) return enrollment;

      const recorded = { ...enrollment, vaeAdmissibility: admissibility };
      const changed = { ...candidate, version: candidate.version + 1 };
      await candidates.updateEnrollment(recorded);
      await candidates.update(changed);
      const enrollments = (await candidates.enrollmentsOf(candidate.id)).map((e) =>
        e.id === recorded.id ? recorded : e,
      );
      await events.changed(changed, enrollments, 'VAE_ADMISSIBILITY_RECORDED');
      return recorded;
    });
  }
}
