import { Directive, Field, Float, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '@certif/platform-graphql';
import type { LocalDate } from '@certif/platform-calendar';
import type { Pathway, Sex } from '@certif/candidates-domain';
import { PathwayEnum, SexEnum } from './enums';
import { PersonalData } from './personal-data.guard';

@ObjectType('BirthPlace', {
  description: "Where the candidate was born, for the holders' register.",
})
export class BirthPlaceType {
  @Field(() => String, { nullable: true, description: 'INSEE commune code, 5 characters.' })
  inseeCode!: string | null;

  @Field(() => String, { nullable: true })
  postalCode!: string | null;

  @Field(() => String, { nullable: true })
  city!: string | null;

  @Field(() => String, { nullable: true, description: '3 characters, e.g. FRA.' })
  countryCode!: string | null;

  @Field(() => String, { nullable: true })
  country!: string | null;
}

/** Referentials' entity, by reference: the gateway fetches its fields from referentials. */
@ObjectType('Certification')
@Directive('@key(fields: "id", resolvable: false)')
export class CertificationReference {
  @Field(() => ID)
  id!: string;
}

@ObjectType('VaeAdmissibility', { description: 'R6: the recevabilité notice of a VAE enrolment.' })
export class VaeAdmissibilityType {
  @Field(() => String)
  noticeNumber!: string;

  @Field(() => DateScalar)
  issuedOn!: LocalDate;

  @Field(() => String, { description: 'The authority that issued it (DREETS, formerly DIRECCTE).' })
  issuedBy!: string;

  @Field(() => Float, { nullable: true })
  experienceYears!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "The certification's minimum experience when the notice was recorded (R6).",
  })
  requiredExperienceYears!: number | null;
}

@ObjectType('Enrollment', { description: "A candidate's pathway to a certification." })
@Directive('@key(fields: "id")')
export class EnrollmentType {
  @Field(() => ID)
  id!: string;

  @Field(() => PathwayEnum)
  pathway!: Pathway;

  @Field(() => DateScalar)
  startedOn!: LocalDate;

  @Field(() => String, { nullable: true })
  trainingCenter!: string | null;

  @PersonalData((enrollment: EnrollmentType) => enrollment.candidateId)
  @Field(() => VaeAdmissibilityType, { nullable: true, description: 'Personal data.' })
  vaeAdmissibility!: VaeAdmissibilityType | null;

  /** Resolved as a reference to referentials' Certification. */
  certificationId!: string;

  /** Whose enrolment: the personal-data rule is the candidate's. */
  candidateId!: string;

  /** The manager who has just recorded the VAE notice sees what they typed in. */
  disclosedToCaller?: boolean;
}

@ObjectType('Candidate', { description: 'A person who seeks a certification.' })
@Directive('@key(fields: "id")')
export class CandidateType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'A pseudonym once erased (R13).' })
  firstName!: string;

  @Field(() => String, { description: 'A pseudonym once erased (R13).' })
  lastName!: string;

  @PersonalData((candidate: CandidateType) => candidate.id)
  @Field(() => DateScalar, { nullable: true, description: 'Personal data.' })
  birthDate!: LocalDate | null;

  @PersonalData((candidate: CandidateType) => candidate.id)
  @Field(() => String, { nullable: true, description: 'Personal data.' })
  email!: string | null;

  @PersonalData((candidate: CandidateType) => candidate.id)
  @Field(() => SexEnum, { nullable: true, description: 'Personal data.' })
  sex!: Sex | null;

  @PersonalData((candidate: CandidateType) => candidate.id)
  @Field(() => String, {
    nullable: true,
    description: 'Personal data. When it differs from lastName.',
  })
  birthName!: string | null;

  @PersonalData((candidate: CandidateType) => candidate.id)
  @Field(() => BirthPlaceType, { nullable: true, description: 'Personal data.' })
  birthPlace!: BirthPlaceType | null;

  @Field(() => Date, { nullable: true, description: 'When the identity was erased (R13).' })
  erasedAt!: Date | null;

  /** Shown through the `accommodations` field only to those allowed (R10). */
  accommodationList!: string[];

  /** The manager who has just registered this candidate sees what they typed in. */
  disclosedToCaller?: boolean;
}
