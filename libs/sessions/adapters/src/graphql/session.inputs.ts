import { Field, ID, InputType, Int, type ClassType } from 'type-graphql';
import type { LocalDate } from '@certif/platform-calendar';
import { DateScalar } from '@certif/platform-graphql';
import type { DecisionOutcome, SessionScope } from '@certif/sessions-domain';
import { DecisionOutcomeEnum, SessionScopeEnum } from './enums';
import { withJurorFields } from './juror-fields';

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

/** A class with no fields of its own: the start of an input built from mixins. */
class NoFields {}

@InputType()
export class JurorInput extends withJurorFields(NoFields) {}

/**
 * The jury's terms of a decision (outcome, components, final interview, day), a type-graphql
 * mixin (no field or argument takes it: not in the schema); inherited fields print first, so
 * each input picks what comes before them.
 */
function withDecisionTerms<Base extends ClassType>(base: Base) {
  @InputType()
  class DecisionTerms extends base {
    @Field(() => DecisionOutcomeEnum)
    outcome!: DecisionOutcome;

    @Field(() => [ID], {
      nullable: true,
      description: 'COMPONENTS_AWARDED: the components awarded.',
    })
    awardedComponentIds?: string[] | null;

    @Field(() => Boolean, { nullable: true, description: 'R3: the final interview with the jury.' })
    finalInterviewPassed?: boolean | null;

    @Field(() => DateScalar)
    decidedOn!: LocalDate;
  }
  return DecisionTerms;
}

@InputType()
export class DecisionCorrectionInput extends withDecisionTerms(NoFields) {
  @Field(() => String, { description: 'Why the decision is corrected; kept in the record (R9).' })
  reason!: string;
}

/** What comes first in a deliberation's decision: the registration (not in the schema). */
@InputType()
class RegistrationDecided {
  @Field(() => ID)
  registrationId!: string;
}

@InputType()
export class DecisionInput extends withDecisionTerms(RegistrationDecided) {}
