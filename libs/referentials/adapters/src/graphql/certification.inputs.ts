import { Field, InputType, Int } from 'type-graphql';
import { DateScalar } from '@certif/platform-graphql';
import type { LocalDate } from '@certif/platform-calendar';
import type {
  CapitalizationRule,
  CertificationKind,
  CertificationStatus,
  ComponentKind,
  JurorRole,
  Pathway,
} from '@certif/referentials-domain';
import {
  CapitalizationRuleEnum,
  CertificationKindEnum,
  CertificationStatusEnum,
  ComponentKindEnum,
  JurorRoleEnum,
  PathwayEnum,
} from './enums';

@InputType()
export class CertificationFilter {
  @Field(() => String, { nullable: true })
  search?: string | null;

  @Field(() => Int, { nullable: true })
  level?: number | null;

  @Field(() => String, { nullable: true })
  romeCode?: string | null;

  @Field(() => CertificationStatusEnum, { nullable: true })
  status?: CertificationStatus | null;

  @Field(() => String, { nullable: true })
  certifier?: string | null;
}

@InputType()
export class CertifierInput {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  siret?: string | null;

  @Field(() => String, { nullable: true, description: 'The Caisse des Dépôts client id (8).' })
  cpfClientId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The Caisse des Dépôts contract id (≤ 20).',
  })
  cpfContractId?: string | null;
}

/** What a component and a specialization are given first (no argument takes it: not in the schema). */
@InputType()
abstract class PartOfCertificationInput {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  title!: string;
}

@InputType()
export class ComponentInput extends PartOfCertificationInput {
  @Field(() => ComponentKindEnum)
  kind!: ComponentKind;

  @Field(() => [String], { nullable: true })
  competences?: string[] | null;
}

@InputType()
export class SpecializationInput extends PartOfCertificationInput {}

@InputType({
  description: 'R8/R9: the composition a session’s jury must have before it deliberates.',
})
export class JuryRuleInput {
  @Field(() => Int)
  minMembers!: number;

  @Field(() => Int)
  minProfessionals!: number;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Every member PROFESSIONAL. Default false.',
  })
  allProfessionals?: boolean | null;

  @Field(() => [JurorRoleEnum], {
    nullable: true,
    description: 'Roles that must sit on the jury; a role listed twice needs two such jurors.',
  })
  requiredRoles?: JurorRole[] | null;
}

@InputType()
export class CertificationInput {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  title!: string;

  @Field(() => CertificationKindEnum)
  kind!: CertificationKind;

  @Field(() => Int)
  level!: number;

  @Field(() => [String], { nullable: true })
  nsfCodes?: string[] | null;

  @Field(() => [String], { nullable: true })
  romeCodes?: string[] | null;

  @Field(() => [String], { nullable: true })
  formacodes?: string[] | null;

  @Field(() => CertifierInput)
  certifier!: CertifierInput;

  @Field(() => DateScalar, { nullable: true })
  registeredFrom?: LocalDate | null;

  @Field(() => DateScalar, { nullable: true })
  registeredUntil?: LocalDate | null;

  @Field(() => CapitalizationRuleEnum)
  capitalizationRule!: CapitalizationRule;

  @Field(() => Boolean)
  requiresFinalInterview!: boolean;

  @Field(() => [ComponentInput])
  components!: ComponentInput[];

  @Field(() => [SpecializationInput], { nullable: true })
  specializations?: SpecializationInput[] | null;

  @Field(() => [PathwayEnum], {
    nullable: true,
    description: 'The access routes the fiche opens; omitted = all.',
  })
  pathways?: Pathway[] | null;

  @Field(() => JuryRuleInput, {
    nullable: true,
    description:
      'Omitted: a PROFESSIONAL_TITLE needs at least two members, all PROFESSIONAL; an RNCP_CERTIFICATION at least one member.',
  })
  juryRule?: JuryRuleInput | null;
}

@InputType()
export class CorrespondenceInput {
  @Field(() => [String], { description: 'Codes of components of the old version.' })
  from!: string[];

  @Field(() => String, { description: 'Code of a component of the new version.' })
  to!: string;
}

@InputType()
export class RevisionInput {
  @Field(() => String)
  code!: string;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => DateScalar, { nullable: true })
  registeredFrom?: LocalDate | null;

  @Field(() => DateScalar, { nullable: true })
  registeredUntil?: LocalDate | null;

  @Field(() => [ComponentInput])
  components!: ComponentInput[];

  @Field(() => [CorrespondenceInput], { nullable: true })
  correspondences?: CorrespondenceInput[] | null;
}
