import { Arg, Authorized, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { EnrollCandidateInput, VaeAdmissibilityInput } from './candidate.inputs';
import { toEnrollmentDraft, toEnrollmentType, toVaeAdmissibilityDraft } from './candidate.mapper';
import { CertificationReference, EnrollmentType } from './candidate.types';
import type { CandidatesUseCases } from './candidates-use-cases';

@Resolver(() => EnrollmentType)
export class EnrollmentResolver {
  constructor(private readonly useCases: CandidatesUseCases) {}

  @Authorized('SESSION_MANAGER')
  @Mutation(() => EnrollmentType, {
    description: 'R12: not in a DRAFT, CLOSED or REVISED certification.',
  })
  async enrollCandidate(@Arg('input', () => EnrollCandidateInput) input: EnrollCandidateInput) {
    return toEnrollmentType(await this.useCases.enroll.execute(toEnrollmentDraft(input)));
  }

  @Authorized('SESSION_MANAGER')
  @Mutation(() => EnrollmentType, { description: 'R6: the recevabilité of a VAE enrolment.' })
  async recordVaeAdmissibility(
    @Arg('enrollmentId', () => ID) enrollmentId: string,
    @Arg('input', () => VaeAdmissibilityInput) input: VaeAdmissibilityInput,
  ) {
    const draft = toVaeAdmissibilityDraft(input);
    const enrollment = await this.useCases.recordVaeAdmissibility.execute(enrollmentId, draft);
    return Object.assign(toEnrollmentType(enrollment), { disclosedToCaller: true });
  }

  @FieldResolver(() => CertificationReference)
  certification(@Root() enrollment: EnrollmentType): CertificationReference {
    return { id: enrollment.certificationId };
  }
}
