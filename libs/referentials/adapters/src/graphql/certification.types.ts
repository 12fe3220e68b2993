import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
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

@ObjectType('JuryRule', {
  description: 'R8/R9: the composition a session’s jury must have before it deliberates.',
})
export class JuryRuleType {
  @Field(() => Int)
  minMembers!: number;

  @Field(() => Int)
  minProfessionals!: number;

  @Field(() => Boolean)
  allProfessionals!: boolean;

  @Field(() => [JurorRoleEnum], {
    description: 'Roles that must sit on the jury; a role listed twice needs two such jurors.',
  })
  requiredRoles!: JurorRole[];
}

@ObjectType('Certifier')
export class CertifierType {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  siret!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The client id the Caisse des Dépôts gives the certifier (8 characters).',
  })
  cpfClientId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The contract id the Caisse des Dépôts gives the certifier (up to 20).',
  })
  cpfContractId!: string | null;
}

/** What a component and a specialization show first (no field returns it: not in the schema). */
@ObjectType()
abstract class PartOfCertificationType {
  @Field(() => ID)
  id!: string;

  /** Shareable: issuing serves it from its read model (a livret's components). */
  @Directive('@shareable')
  @Field(() => String)
  code!: string;

  @Field(() => String)
  title!: string;
}

@ObjectType('Component', { description: 'A CCP or a bloc de compétences.' })
@Directive('@key(fields: "id")')
export class ComponentType extends PartOfCertificationType {
  @Field(() => ComponentKindEnum)
  kind!: ComponentKind;

  @Field(() => Int)
  position!: number;

  @Field(() => [String])
  competences!: string[];

  /** For `certification` on a component; not part of the schema. */
  certificationId!: string;
}

@ObjectType('Specialization', { description: 'A CCS: open only to holders of the title (R7).' })
export class SpecializationType extends PartOfCertificationType {}

@ObjectType('Correspondence', { description: 'R4: old components that count as a new one.' })
export class CorrespondenceType {
  fromComponentIds!: string[];
  toComponentId!: string;
}

@ObjectType('Certification')
@Directive('@key(fields: "id")')
export class CertificationType {
  @Field(() => ID)
  id!: string;

  /** Shareable, as `title`: issuing serves both from its read model (livrets, parchemins). */
  @Directive('@shareable')
  @Field(() => String)
  code!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The RNCP number; null when the source gives none.',
  })
  rncpCode!: string | null;

  @Directive('@shareable')
  @Field(() => String)
  title!: string;

  @Field(() => CertificationKindEnum)
  kind!: CertificationKind;

  @Field(() => Int, { description: 'European level, 1–8.' })
  level!: number;

  @Field(() => [String])
  nsfCodes!: string[];

  @Field(() => [String])
  romeCodes!: string[];

  @Field(() => [String])
  formacodes!: string[];

  @Field(() => CertifierType)
  certifier!: CertifierType;

  @Field(() => DateScalar, { nullable: true })
  registeredFrom!: LocalDate | null;

  @Field(() => DateScalar, { nullable: true })
  registeredUntil!: LocalDate | null;

  @Field(() => CertificationStatusEnum)
  status!: CertificationStatus;

  @Field(() => CapitalizationRuleEnum)
  capitalizationRule!: CapitalizationRule;

  @Field(() => Boolean)
  requiresFinalInterview!: boolean;

  @Field(() => Float, { nullable: true, description: 'R6: minimum years of experience for VAE.' })
  vaeMinimumExperienceYears!: number | null;

  @Field(() => [PathwayEnum], { description: 'The access routes the fiche opens.' })
  pathways!: Pathway[];

  @Field(() => JuryRuleType)
  juryRule!: JuryRuleType;

  @Field(() => [ComponentType])
  components!: ComponentType[];

  @Field(() => [SpecializationType])
  specializations!: SpecializationType[];

  @Field(() => [String], { description: 'Data-quality notes and assumptions about the source.' })
  notes!: string[];

  /** Resolved by field resolvers, through the request's loaders. */
  revisesId!: string | null;
  revisedById!: string | null;
  correspondenceLinks!: CorrespondenceType[];
}
