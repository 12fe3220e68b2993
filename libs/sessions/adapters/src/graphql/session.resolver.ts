import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { requirePrincipal } from '@certif/platform-graphql';
import { assertManagesCenter } from '@certif/sessions-application';
import {
  DecisionCorrectionInput,
  DecisionInput,
  JurorInput,
  PlanSessionInput,
} from './session.inputs';
import {
  toCorrectionRequest,
  toDecisionRequest,
  toExamSessionType,
  toJurorRequest,
  toRegistrationType,
  toSessionRequest,
} from './session.mapper';
import { ExamSessionType, RegistrationType } from './session.types';
import type { SessionsContext } from './sessions-context';
import type { SessionUseCases } from './sessions-use-cases';

@Resolver(() => ExamSessionType)
export class SessionResolver {
  constructor(private readonly useCases: SessionUseCases) {}

  @Authorized()
  @Query(() => ExamSessionType, {
    nullable: true,
    description: 'Session managers, admins, and the session’s jurors.',
  })
  async session(
    @Arg('id', () => ID) id: string,
    @Ctx() context: SessionsContext,
  ): Promise<ExamSessionType | null> {
    const session = await this.useCases.queries.get(requirePrincipal(context), id);
    return session && toExamSessionType(session);
  }

  @Authorized('SESSION_MANAGER')
  @Mutation(() => ExamSessionType)
  async planSession(
    @Arg('input', () => PlanSessionInput) input: PlanSessionInput,
    @Ctx() context: SessionsContext,
  ): Promise<ExamSessionType> {
    // The centre as the session will hold it (planSession trims it).
    assertManagesCenter(requirePrincipal(context), input.center.trim());
    return toExamSessionType(await this.useCases.plan.execute(toSessionRequest(input)));
  }

  @Authorized('SESSION_MANAGER')
  @Mutation(() => ExamSessionType)
  async addJuror(
    @Arg('sessionId', () => ID) sessionId: string,
    @Arg('input', () => JurorInput) input: JurorInput,
    @Ctx() context: SessionsContext,
  ): Promise<ExamSessionType> {
    await this.useCases.queries.assertManages(requirePrincipal(context), sessionId);
    return toExamSessionType(
      await this.useCases.addJuror.execute(sessionId, toJurorRequest(input)),
    );
  }

  @Authorized('SESSION_MANAGER')
  @Mutation(() => RegistrationType, {
    description: 'Refusals name the rule: R5, R6, R7, R12, lineage, duplicate, capacity.',
  })
  async registerToSession(
    @Arg('sessionId', () => ID) sessionId: string,
    @Arg('enrollmentId', () => ID) enrollmentId: string,
    @Ctx() context: SessionsContext,
  ): Promise<RegistrationType> {
    await this.useCases.queries.assertManages(requirePrincipal(context), sessionId);
    return toRegistrationType(await this.useCases.register.execute(sessionId, enrollmentId));
  }

  @Authorized('JURY_MEMBER')
  @Mutation(() => ExamSessionType, {
    description: 'A juror of the session (or an admin); every registration at once, once.',
  })
  async recordDeliberation(
    @Arg('sessionId', () => ID) sessionId: string,
    @Arg('decisions', () => [DecisionInput]) decisions: DecisionInput[],
    @Ctx() context: SessionsContext,
  ): Promise<ExamSessionType> {
    const session = await this.useCases.deliberate.execute(
      requirePrincipal(context),
      sessionId,
      decisions.map(toDecisionRequest),
    );
    return toExamSessionType(session);
  }

  @Authorized('JURY_MEMBER')
  @Mutation(() => RegistrationType, {
    description:
      'A juror of the session (or an admin), on a deliberated session within its corrections window: ' +
      'a new decision supersedes the current one, which is kept with the reason (R9).',
  })
  async correctDecision(
    @Arg('registrationId', () => ID) registrationId: string,
    @Arg('input', () => DecisionCorrectionInput) input: DecisionCorrectionInput,
    @Ctx() context: SessionsContext,
  ): Promise<RegistrationType> {
    const { registration } = await this.useCases.correct.execute(
      requirePrincipal(context),
      registrationId,
      toCorrectionRequest(input),
    );
    return toRegistrationType(registration);
  }
}
