import { registerEnumType } from 'type-graphql';
import {
  CAPITALIZATION_RULES,
  CERTIFICATION_KINDS,
  CERTIFICATION_STATUSES,
  COMPONENT_KINDS,
  JUROR_ROLES,
  PATHWAYS,
} from '@certif/referentials-domain';

function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

export const CertificationKindEnum = enumOf(CERTIFICATION_KINDS);
export const ComponentKindEnum = enumOf(COMPONENT_KINDS);
export const CertificationStatusEnum = enumOf(CERTIFICATION_STATUSES);
export const CapitalizationRuleEnum = enumOf(CAPITALIZATION_RULES);
export const PathwayEnum = enumOf(PATHWAYS);
export const JurorRoleEnum = enumOf(JUROR_ROLES);

registerEnumType(CertificationKindEnum, { name: 'CertificationKind' });
registerEnumType(ComponentKindEnum, { name: 'ComponentKind' });
registerEnumType(CertificationStatusEnum, {
  name: 'CertificationStatus',
  description: 'A certification past its registeredUntil reads CLOSED.',
});
registerEnumType(CapitalizationRuleEnum, {
  name: 'CapitalizationRule',
  description: 'R2: how long acquired components count towards the title.',
});
registerEnumType(PathwayEnum, { name: 'Pathway', description: "Voie d'accès to a certification." });
registerEnumType(JurorRoleEnum, {
  name: 'JurorRole',
  description: "R8/R9: a juror's role, checked against the certification's jury rule.",
});
