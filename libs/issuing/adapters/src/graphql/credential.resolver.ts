import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type {
  CandidateRecordsQueries,
  IssuingLinks,
  RevokeParcheminService,
} from '@certif/issuing-application';
import type { IssuingContext } from './issuing-context';
import { toCredentialType, toVerificationType } from './issuing.mapper';
import { CredentialType, CredentialVerificationType } from './issuing.types';

@Resolver(() => CredentialType)
export class CredentialResolver {
  constructor(
    private readonly records: CandidateRecordsQueries,
    private readonly revokeParchemin: RevokeParcheminService,
    private readonly links: IssuingLinks,
  ) {}

  @Query(() => CredentialVerificationType, {
    description: 'Public: checks a parchemin by its verification code, without signing in.',
  })
  async verifyCredential(
    @Arg('code', () => String) code: string,
  ): Promise<CredentialVerificationType> {
    return toVerificationType(await this.records.verify(code));
  }

  @Authorized('SESSION_MANAGER')
  @Mutation(() => CredentialType, {
    description: 'Revokes a parchemin, with the reason; the record is kept.',
  })
  async revokeCredential(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() context: IssuingContext,
  ): Promise<CredentialType> {
    return toCredentialType(
      await this.revokeParchemin.execute({ id, reason }, context.principal),
      this.links,
    );
  }
}
