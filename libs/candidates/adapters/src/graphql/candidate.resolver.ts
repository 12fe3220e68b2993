import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { connectionTypes, pageSize, requirePrincipal } from '@certif/platform-graphql';
import { decodeCandidateCursor } from './candidate-cursor';
import { RegisterCandidateInput } from './candidate.inputs';
import { toCandidateConnection, toCandidateType, toRegistrationDraft } from './candidate.mapper';
import { CandidateType } from './candidate.types';
import type { CandidatesContext } from './candidates-context';
import type { CandidatesUseCases } from './candidates-use-cases';

export const { Connection: CandidateConnection } = connectionTypes(CandidateType, 'Candidate');

@Resolver(() => CandidateType)
export class CandidateResolver {
  constructor(private readonly useCases: CandidatesUseCases) {}

  @Authorized()
  @Query(() => CandidateType, {
    nullable: true,
    description: 'SESSION_MANAGER, or the candidate themself.',
  })
  async candidate(@Arg('id', () => ID) id: string, @Ctx() context: CandidatesContext) {
    return toCandidateType(await this.useCases.queries.get(requirePrincipal(context), id));
  }

  @Authorized('SESSION_MANAGER')
  @Query(() => CandidateConnection, {
    description: 'By last name, first name; search ignores case and accents.',
  })
  async candidates(
    @Arg('search', () => String, { nullable: true }) search: string | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    // An omitted argument arrives undefined, not null.
    const page = await this.useCases.queries.search(
      search ?? null,
      pageSize(first),
      decodeCandidateCursor(after),
    );
    return toCandidateConnection(page);
  }

  @Authorized()
  @Query(() => CandidateType, {
    nullable: true,
    description: "The signed-in candidate (the token's candidateId).",
  })
  async me(@Ctx() context: CandidatesContext) {
    const candidate = await this.useCases.queries.me(requirePrincipal(context));
    return candidate && toCandidateType(candidate);
  }

  @Authorized('SESSION_MANAGER')
  @Mutation(() => CandidateType)
  async registerCandidate(
    @Arg('input', () => RegisterCandidateInput) input: RegisterCandidateInput,
  ) {
    const candidate = await this.useCases.register.execute(toRegistrationDraft(input));
    return Object.assign(toCandidateType(candidate), { disclosedToCaller: true });
  }

  @Authorized()
  @Mutation(() => CandidateType, {
    description: 'R13: SESSION_MANAGER, or the candidate themself; idempotent.',
  })
  async eraseCandidate(@Arg('id', () => ID) id: string, @Ctx() context: CandidatesContext) {
    return toCandidateType(await this.useCases.erase.execute(requirePrincipal(context), id));
  }
}
