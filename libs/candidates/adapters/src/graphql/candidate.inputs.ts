import { Field, Float, ID, InputType } from 'type-graphql';
import { DateScalar } from '@certif/platform-graphql';
import type { LocalDate } from '@certif/platform-calendar';
import type { Pathway, Sex } from '@certif/candidates-domain';
import { PathwayEnum, SexEnum } from './enums';

@InputType()
export class BirthPlaceInput {
  @Field(() => String, {
    nullable: true,
    description: 'INSEE commune code, 5 characters (2A/2B in Corsica, 99xxx abroad).',
  })
  inseeCode?: string | null;

  @Field(() => String, { nullable: true })
  postalCode?: string | null;

  @Field(() => String, { nullable: true })
  city?: string | null;

  @Field(() => String, { nullable: true, description: '3 characters, e.g. FRA.' })
  countryCode?: string | null;

  @Field(() => String, { nullable: true })
  country?: string | null;
}

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

  @Field(() => SexEnum, { nullable: true })
  sex?: Sex | null;

  @Field(() => String, { nullable: true, description: 'When it differs from lastName.' })
  birthName?: string | null;

  @Field(() => BirthPlaceInput, { nullable: true })
  birthPlace?: BirthPlaceInput | null;
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
