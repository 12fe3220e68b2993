import { Field, Float, ID, InputType } from 'type-graphql';
import { DateScalar } from '@certif/platform-graphql';
import type { LocalDate } from '@certif/platform-calendar';
import type { Pathway } from '@certif/candidates-domain';
import { PathwayEnum } from './enums';

@InputType()
export class RegisterCandidateInput {
  @Field(() => String)
  firstName!: string;

  @Field(() => String)
  lastName!: string;

  @Field(() => DateScalar, { nullable: true })
  birthDate?: LocalDate | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => [String], { nullable: true, description: 'R10: e.g. "tiers-temps"; at most 10.' })
  accommodations?: string[] | null;
}

@InputType()
export class EnrollCandidateInput {
  @Field(() => ID)
  candidateId!: string;

  @Field(() => ID)
  certificationId!: string;

  @Field(() => PathwayEnum)
  pathway!: Pathway;

  @Field(() => DateScalar)
  startedOn!: LocalDate;

  @Field(() => String, { nullable: true })
  trainingCenter?: string | null;
}

@InputType()
export class VaeAdmissibilityInput {
  @Field(() => String)
  noticeNumber!: string;

  @Field(() => DateScalar)
  issuedOn!: LocalDate;

  @Field(() => String)
  issuedBy!: string;

  @Field(() => Float, { nullable: true })
  experienceYears?: number | null;
}
