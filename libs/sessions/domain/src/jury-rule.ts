import { InvalidInput } from '@certif/platform-errors';
import type { Juror } from './exam-session';
import type { JurorRole } from './session-vocabulary';

/**
 * R8/R9: the composition a session's jury must have before it deliberates or corrects a
 * decision, as the certification's fiche states it (published by referentials). `requiredRoles`
 * is a multiset: a role listed twice needs two jurors of that role.
 */
export interface JuryRule {
  minMembers: number;
  minProfessionals: number;
  allProfessionals: boolean;
  requiredRoles: JurorRole[];
}

/** The contract's default when a certification states none (and for states published before). */
export function defaultJuryRule(kind: 'PROFESSIONAL_TITLE' | 'RNCP_CERTIFICATION'): JuryRule {
  return kind === 'PROFESSIONAL_TITLE'
    ? { minMembers: 2, minProfessionals: 2, allProfessionals: true, requiredRoles: [] }
    : { minMembers: 1, minProfessionals: 0, allProfessionals: false, requiredRoles: [] };
}

/** Which part of a jury rule a jury fails, and why, in words a session manager can act on. */
export interface JuryRuleViolation {
  /** The field of the rule: minMembers, minProfessionals, allProfessionals or requiredRoles. */
  part: keyof JuryRule;
  message: string;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Every part of the rule the jury fails; empty when it may deliberate. */
export function juryRuleViolations(rule: JuryRule, jurors: readonly Juror[]): JuryRuleViolation[] {
  const violations: JuryRuleViolation[] = [];
  const count = (role: JurorRole) => jurors.filter((juror) => juror.role === role).length;
  const professionals = count('PROFESSIONAL');
  if (jurors.length < rule.minMembers) {
    violations.push({
      part: 'minMembers',
      message: `the jury needs at least ${plural(rule.minMembers, 'member')}; it has ${jurors.length}`,
    });
  }
  if (professionals < rule.minProfessionals) {
    violations.push({
      part: 'minProfessionals',
      message: `the jury needs at least ${plural(rule.minProfessionals, 'PROFESSIONAL juror')}; it has ${professionals}`,
    });
  }
  if (rule.allProfessionals) {
    const others = jurors.filter((juror) => juror.role !== 'PROFESSIONAL');
    if (others.length > 0) {
      violations.push({
        part: 'allProfessionals',
        message: `every juror must be a PROFESSIONAL; ${others
          .map((juror) => `${juror.name} is ${juror.role}`)
          .join(', ')}`,
      });
    }
  }
  const needed = new Map<JurorRole, number>();
  for (const role of rule.requiredRoles) needed.set(role, (needed.get(role) ?? 0) + 1);
  for (const [role, n] of needed) {
    if (count(role) < n) {
      violations.push({
        part: 'requiredRoles',
        message: `the jury needs ${plural(n, role + ' juror')}; it has ${count(role)}`,
      });
    }
  }
  return violations;
}

/**
 * A jury that does not satisfy its certification's rule. `extensions` say which rule refused
 * (`rule`: R9, or R8 for a pair of evaluators), the certification's `juryRule`, and each part
 * failed (`violations`).
 */
export class JuryRuleRefused extends InvalidInput {
  constructor(
    certificationCode: string,
    readonly juryRule: JuryRule,
    readonly violations: JuryRuleViolation[],
    what: string,
  ) {
    super(
      `the jury of this session does not meet ${certificationCode}'s jury rule (${describeJuryRule(juryRule)}): ` +
        `${violations.map((v) => v.message).join('; ')}. Add jurors with addJuror before ${what}`,
      'sessionId',
      ruleName(juryRule),
    );
  }

  override details(): Record<string, unknown> {
    return {
      ...super.details(),
      juryRule: { ...this.juryRule, requiredRoles: [...this.juryRule.requiredRoles] },
      violations: this.violations.map((v) => ({ ...v })),
    };
  }
}

/** R8 names the pair of evaluators (one professional, one trainer); every other rule is R9. */
function ruleName(rule: JuryRule): string {
  return rule.requiredRoles.includes('TRAINER') && rule.requiredRoles.includes('PROFESSIONAL')
    ? 'R8'
    : 'R9';
}

export function describeJuryRule(rule: JuryRule): string {
  const parts = [`at least ${plural(rule.minMembers, 'member')}`];
  if (rule.allProfessionals) parts.push('all PROFESSIONAL');
  if (
    rule.minProfessionals > 0 &&
    !(rule.allProfessionals && rule.minProfessionals <= rule.minMembers)
  ) {
    parts.push(`at least ${plural(rule.minProfessionals, 'PROFESSIONAL')}`);
  }
  if (rule.requiredRoles.length > 0) parts.push(`including ${rule.requiredRoles.join(', ')}`);
  return parts.join(', ');
}

/** Refuses a jury that does not meet the certification's rule (R8/R9). */
export function assertJuryRule(
  certification: { code: string; juryRule: JuryRule },
  jurors: readonly Juror[],
  what: string,
): void {
  const violations = juryRuleViolations(certification.juryRule, jurors);
  if (violations.length > 0) {
    throw new JuryRuleRefused(certification.code, certification.juryRule, violations, what);
  }
}
