import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { CandidateType, EnrollmentType } from './candidate.types';
import type { CandidatesContext } from './candidates-context';
import { PersonalData } from './personal-data.guard';

@Resolver(() => CandidateType)
export class CandidateFieldsResolver {
  @FieldResolver(() => [EnrollmentType], { description: 'Oldest first; kept after erasure (R13).' })
  enrollments(@Root() candidate: CandidateType, @Ctx() context: CandidatesContext) {
    return context.loaders.enrollmentsByCandidateId.load(candidate.id);
  }

  @PersonalData((candidate: CandidateType) => candidate.id)
  @FieldResolver(() => [String], {
    nullable: true,
    description:
      'R10: adapted conditions; personal data (admins, the candidate, managers of their centres).',
  })
  accommodations(@Root() candidate: CandidateType): string[] {
    return candidate.accommodationList;
  }
}
