import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Forbidden } from '@certif/platform-errors';
import { requirePrincipal } from '@certif/platform-graphql';
import { maySeeAccommodations } from '@certif/candidates-application';
import { CandidateType, EnrollmentType } from './candidate.types';
import type { CandidatesContext } from './candidates-context';

@Resolver(() => CandidateType)
export class CandidateFieldsResolver {
  @FieldResolver(() => [EnrollmentType], { description: 'Oldest first; kept after erasure (R13).' })
  enrollments(@Root() candidate: CandidateType, @Ctx() context: CandidatesContext) {
    return context.loaders.enrollmentsByCandidateId.load(candidate.id);
  }

  @FieldResolver(() => [String], {
    nullable: true,
    description: 'R10: adapted conditions; only SESSION_MANAGER, ADMIN and the candidate themself.',
  })
  accommodations(@Root() candidate: CandidateType, @Ctx() context: CandidatesContext): string[] {
    if (!maySeeAccommodations(requirePrincipal(context), candidate.id)) {
      throw new Forbidden(
        'Accommodations are shown only to session managers and to the candidate concerned (R10)',
      );
    }
    return candidate.accommodationList;
  }
}
