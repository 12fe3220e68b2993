import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { toDecisionRecordTypes, toExamSessionType, toJuryDecisionType } from './session.mapper';
import {
  DecisionRecordType,
  ExamSessionType,
  JuryDecisionType,
  RegistrationType,
} from './session.types';
import type { SessionsContext } from './sessions-context';

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
