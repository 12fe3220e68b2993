import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { JSONScalar, requirePrincipal } from '@certif/platform-graphql';
import type { PersonalDataExport } from '@certif/candidates-application';
import type { CandidatesContext } from './candidates-context';
import type { CandidatesUseCases } from './candidates-use-cases';

@Resolver()
export class PersonalDataResolver {
  constructor(private readonly useCases: CandidatesUseCases) {}

  @Authorized('CANDIDATE')
  @Query(() => JSONScalar, {
    nullable: true,
    description: 'R13, access right: everything held on the signed-in candidate, as JSON.',
  })
  exportMyData(@Ctx() context: CandidatesContext): Promise<PersonalDataExport> {
    return this.useCases.exportMyData.execute(requirePrincipal(context));
  }
}
