import { InputProblems } from '@certif/platform-errors';
import { JUROR_ROLES, PATHWAYS, type JurorRole, type Pathway } from '@certif/platform-vocabulary';
import type { CertificationKind } from './certification-draft';

/** Voies d'accès: the routes by which a candidate may come to a certification (fiche's table). */
export { PATHWAYS, type Pathway };

/** Who sits on a jury (R8/R9). */
export { JUROR_ROLES, type JurorRole };

/**
 * R8/R9: the composition a session's jury must have before it deliberates. `requiredRoles` is a
 * multiset: a role listed twice needs two jurors of that role.
 */
export interface JuryRule {
  minMembers: number;
  minProfessionals: number;
  allProfessionals: boolean;
  requiredRoles: JurorRole[];
}

/**
 * The contract's defaults when a certification states no rule: a titre professionnel follows the
 * 2016 rules (at least two members, all professionals, R9); an RNCP certification needs a jury.
 */
export function defaultJuryRule(kind: CertificationKind): JuryRule {
  return kind === 'PROFESSIONAL_TITLE'
    ? { minMembers: 2, minProfessionals: 2, allProfessionals: true, requiredRoles: [] }
    : { minMembers: 1, minProfessionals: 0, allProfessionals: false, requiredRoles: [] };
}

/** A rule that some jury can satisfy: counts in range and not contradicting one another. */
export function checkJuryRule(problems: InputProblems, rule: JuryRule, field = 'juryRule'): void {
  const count = (n: number) => Number.isInteger(n) && n >= 0 && n <= 20;
  problems.check(
    count(rule.minMembers) && rule.minMembers >= 1,
    `${field}.minMembers`,
    `must be a whole number from 1 to 20; got ${rule.minMembers}`,
  );
  problems.check(
    count(rule.minProfessionals),
    `${field}.minProfessionals`,
    `must be a whole number from 0 to 20; got ${rule.minProfessionals}`,
  );
  rule.requiredRoles.forEach((role, i) =>
    problems.check(
      JUROR_ROLES.includes(role),
      `${field}.requiredRoles[${i}]`,
      `unknown role ${role}`,
    ),
  );
  problems.check(
    rule.requiredRoles.length <= 20,
    `${field}.requiredRoles`,
    'lists at most 20 roles',
  );
  if (rule.allProfessionals) {
    const others = rule.requiredRoles.filter((role) => role !== 'PROFESSIONAL');
    problems.check(
      others.length === 0,
      `${field}.requiredRoles`,
      `a jury of professionals only cannot also require ${others.join(', ')}`,
    );
  }
}

/** Access routes: each at most once; an empty list would open the certification to nobody. */
export function checkPathways(
  problems: InputProblems,
  pathways: Pathway[],
  field = 'pathways',
): void {
  problems.check(pathways.length > 0, field, 'a certification opens at least one access route');
  pathways.forEach((pathway, i) =>
    problems.check(PATHWAYS.includes(pathway), `${field}[${i}]`, `unknown access route ${pathway}`),
  );
  const duplicate = pathways.find((p, i) => pathways.indexOf(p) !== i);
  problems.check(duplicate === undefined, field, `${duplicate} is listed twice`);
}
