import { Field, ID, InputType, Int } from 'type-graphql';
import type { LocalDate } from '@certif/platform-calendar';
import { DateScalar } from '@certif/platform-graphql';
import type { DecisionOutcome, JurorRole, SessionScope } from '@certif/sessions-domain';
import { DecisionOutcomeEnum, JurorRoleEnum, SessionScopeEnum } from './enums';

@InputType()
export class PlanSessionInput {
  @Field(() => ID)
  certificationId!: string;

  @Field(() => SessionScopeEnum)
  scope!: SessionScope;

  @Field(() => [ID], { nullable: true, description: 'COMPONENTS: the components assessed.' })
  componentIds?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'SPECIALIZATION: the CCS assessed.' })
  specializationId?: string | null;

  @Field(() => String)
  center!: string;

  @Field(() => DateScalar)
  startsOn!: LocalDate;

  @Field(() => DateScalar)
  endsOn!: LocalDate;

  @Field(() => Int, { nullable: true })
  capacity?: number | null;
}

@InputType()
export class JurorInput {
  @Field(() => String, { description: 'The `sub` of the juror’s token.' })
  userId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => JurorRoleEnum)
  role!: JurorRole;
}

@InputType()
export class DecisionCorrectionInput {
  @Field(() => DecisionOutcomeEnum)
  outcome!: DecisionOutcome;

  @Field(() => [ID], { nullable: true, description: 'COMPONENTS_AWARDED: the components awarded.' })
  awardedComponentIds?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'R3: the final interview with the jury.' })
  finalInterviewPassed?: boolean | null;

  @Field(() => DateScalar)
  decidedOn!: LocalDate;

  @Field(() => String, { description: 'Why the decision is corrected; kept in the record (R9).' })
  reason!: string;
}

@InputType()
export class DecisionInput {
  @Field(() => ID)
  registrationId!: string;

  @Field(() => DecisionOutcomeEnum)
  outcome!: DecisionOutcome;

  @Field(() => [ID], { nullable: true, description: 'COMPONENTS_AWARDED: the components awarded.' })
  awardedComponentIds?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'R3: the final interview with the jury.' })
  finalInterviewPassed?: boolean | null;

  @Field(() => DateScalar)
  decidedOn!: LocalDate;
}
