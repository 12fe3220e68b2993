import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { sessionStatusOn, type SessionStatus } from '@certif/sessions-domain';
import { SessionStatusEnum } from './enums';
import {
  toDecisionRecordTypes,
  toExamSessionType,
  toJurorType,
  toJuryDecisionType,
  toRegistrationType,
} from './session.mapper';
import {
  DecisionRecordType,
  ExamSessionType,
  JurorType,
  JuryDecisionType,
  RegistrationType,
} from './session.types';
import type { SessionsContext } from './sessions-context';

@Resolver(() => ExamSessionType)
export class ExamSessionFieldsResolver {
  @FieldResolver(() => SessionStatusEnum, {
    description: 'CLOSED once deliberated and its corrections window is over.',
  })
  status(@Root() session: ExamSessionType, @Ctx() context: SessionsContext): SessionStatus {
    return sessionStatusOn(
      { status: session.storedStatus, deliberatedAt: session.deliberatedAt },
      context.today,
    );
  }

  @FieldResolver(() => [JurorType])
  async jurors(
    @Root() session: ExamSessionType,
    @Ctx() context: SessionsContext,
  ): Promise<JurorType[]> {
    return (await context.loaders.jurorsBySession.load(session.id)).map(toJurorType);
  }

  @FieldResolver(() => [RegistrationType])
  async registrations(
    @Root() session: ExamSessionType,
    @Ctx() context: SessionsContext,
  ): Promise<RegistrationType[]> {
    return (await context.loaders.registrationsBySession.load(session.id)).map(toRegistrationType);
  }
}

@Resolver(() => RegistrationType)
export class RegistrationFieldsResolver {
  @FieldResolver(() => ExamSessionType)
  async session(
    @Root() registration: RegistrationType,
    @Ctx() context: SessionsContext,
  ): Promise<ExamSessionType> {
    const session = await context.loaders.sessionById.load(registration.sessionId);
    if (!session)
      throw new Error(
        `registration ${registration.id} points to missing session ${registration.sessionId}`,
      );
    return toExamSessionType(session);
  }

  @FieldResolver(() => JuryDecisionType, {
    nullable: true,
    description: 'Null until the jury deliberates.',
  })
  async decision(
    @Root() registration: RegistrationType,
    @Ctx() context: SessionsContext,
  ): Promise<JuryDecisionType | null> {
    const decision = await context.loaders.decisionByRegistration.load(registration.id);
    return decision && toJuryDecisionType(decision);
  }

  @FieldResolver(() => [DecisionRecordType], {
    description: 'Every decision, oldest first; superseded ones with correctedOn and reason (R9).',
  })
  async decisionHistory(
    @Root() registration: RegistrationType,
    @Ctx() context: SessionsContext,
  ): Promise<DecisionRecordType[]> {
    return toDecisionRecordTypes(
      await context.loaders.decisionsByRegistration.load(registration.id),
    );
  }
}
