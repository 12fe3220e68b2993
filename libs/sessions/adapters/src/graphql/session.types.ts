import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import type { LocalDate } from '@certif/platform-calendar';
import { DateScalar } from '@certif/platform-graphql';
import type { DecisionOutcome, SessionScope, SessionStatus } from '@certif/sessions-domain';
import { DecisionOutcomeEnum, SessionScopeEnum } from './enums';
import { withJurorFields } from './juror-fields';
import { CandidateReference, CertificationReference, ComponentReference } from './references.types';

/** What comes first in a juror: the id (not in the schema). */
@ObjectType()
class JurorIdentity {
  @Field(() => ID)
  id!: string;
}

@ObjectType('Juror')
export class JurorType extends withJurorFields(JurorIdentity) {}

@ObjectType('JuryDecision', {
  description:
    'The decision standing; never changed once recorded, only superseded by a correction (R9).',
})
export class JuryDecisionType {
  @Field(() => ID)
  id!: string;

  @Field(() => DecisionOutcomeEnum)
  outcome!: DecisionOutcome;

  @Field(() => [ComponentReference], {
    description: 'Every component awarded; all of the title for TITLE_AWARDED.',
  })
  awardedComponents!: ComponentReference[];

  @Field(() => Boolean, { nullable: true, description: 'R3: the final interview with the jury.' })
  finalInterviewPassed!: boolean | null;

  @Field(() => DateScalar)
  decidedOn!: LocalDate;
}

@ObjectType('DecisionRecord', {
  description:
    'One decision of a registration (R9): superseded ones carry the day they were corrected and why.',
})
export class DecisionRecordType {
  @Field(() => ID)
  id!: string;

  @Field(() => DecisionOutcomeEnum)
  outcome!: DecisionOutcome;

  @Field(() => [ComponentReference])
  awardedComponents!: ComponentReference[];

  @Field(() => Boolean, { nullable: true })
  finalInterviewPassed!: boolean | null;

  @Field(() => DateScalar)
  decidedOn!: LocalDate;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The day a correction superseded this decision; null for the decision standing.',
  })
  correctedOn!: LocalDate | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the correction superseded this decision; null for the decision standing.',
  })
  reason!: string | null;
}

@ObjectType('ExamSession')
@Directive('@key(fields: "id")')
export class ExamSessionType {
  @Field(() => ID)
  id!: string;

  /** As stored; the schema's `status` is resolved against the request's day (CLOSED after the corrections window). */
  storedStatus!: SessionStatus;
  deliberatedAt!: Date | null;

  @Field(() => SessionScopeEnum)
  scope!: SessionScope;

  @Field(() => String, { description: 'The exam centre.' })
  center!: string;

  @Field(() => DateScalar)
  startsOn!: LocalDate;

  @Field(() => DateScalar)
  endsOn!: LocalDate;

  @Field(() => Int, { nullable: true, description: 'Seats; null: no limit.' })
  capacity!: number | null;

  @Field(() => CertificationReference)
  certification!: CertificationReference;

  @Field(() => [ComponentReference], {
    description: 'The components assessed (none for a CCS session).',
  })
  components!: ComponentReference[];

  @Field(() => ID, { nullable: true, description: 'The CCS of a SPECIALIZATION session.' })
  specializationId!: string | null;
}

@ObjectType('Registration')
@Directive('@key(fields: "id")')
export class RegistrationType {
  @Field(() => ID)
  id!: string;

  @Field(() => CandidateReference)
  candidate!: CandidateReference;

  @Field(() => ID, { description: 'The enrolment the candidate was registered with.' })
  enrollmentId!: string;

  /** For `session` and `decision`, resolved through the request's loaders. */
  sessionId!: string;
}
