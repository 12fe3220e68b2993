import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { IssuingContext } from './issuing-context';
import { CredentialType, LivretType } from './issuing.types';
import { CandidateType } from './references.types';

/** `Candidate.livrets` and `Candidate.credentials`: the candidate themself, session managers, admins. */
@Resolver(() => CandidateType)
export class CandidateRecordResolver {
  @FieldResolver(() => [LivretType], { description: 'One livret per certification lineage.' })
  livrets(@Root() candidate: CandidateType, @Ctx() context: IssuingContext): Promise<LivretType[]> {
    return context.loaders.livretsByCandidate.load(candidate.id);
  }

  @FieldResolver(() => [CredentialType], {
    description: 'Parchemins issued, revoked ones included.',
  })
  credentials(
    @Root() candidate: CandidateType,
    @Ctx() context: IssuingContext,
  ): Promise<CredentialType[]> {
    return context.loaders.credentialsByCandidate.load(candidate.id);
  }
}
