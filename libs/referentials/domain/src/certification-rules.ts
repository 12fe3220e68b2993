import { isAfter, isLocalDate, type LocalDate } from '@certif/platform-calendar';
import { InputProblems, InvalidInput } from '@certif/platform-errors';
import {
  CAPITALIZATION_RULES,
  CERTIFICATION_KINDS,
  type CertificationDraft,
  type CertificationKind,
  type ComponentDraft,
} from './certification-draft';
import { certificationStatus, type Certification } from './certification';
import { checkJuryRule, checkPathways } from './access-rules';

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{1,39}$/;
const NSF = /^\d{3}[a-z]?$/;
const ROME = /^[A-Z]\d{4}$/;
const FORMACODE = /^\d{5}$/;
const SIRET = /^\d{14}$/;
/** The Caisse des Dépôts' schema: idClient is exactly 8 characters, idContrat 1 to 20. */
const CPF_CLIENT_ID = /^[A-Za-z0-9]{8}$/;
const CPF_CONTRACT_ID = /^[A-Za-z0-9_./-]{1,20}$/;

export interface CpfIdentifiers {
  cpfClientId: string | null;
  cpfContractId: string | null;
}

/** Trims the identifiers; blank ones count as absent. */
export function normalizeCpfIdentifiers(ids: Partial<CpfIdentifiers>): CpfIdentifiers {
  return {
    cpfClientId: ids.cpfClientId?.trim() || null,
    cpfContractId: ids.cpfContractId?.trim() || null,
  };
}

/** The certifier's identifiers with the Caisse des Dépôts, when given. */
export function checkCpfIdentifiers(
  problems: InputProblems,
  ids: Partial<CpfIdentifiers>,
  field = 'certifier',
): void {
  if (ids.cpfClientId != null)
    problems.check(
      CPF_CLIENT_ID.test(ids.cpfClientId),
      `${field}.cpfClientId`,
      `the Caisse des Dépôts' client id is 8 letters or digits; got "${ids.cpfClientId}"`,
    );
  if (ids.cpfContractId != null)
    problems.check(
      CPF_CONTRACT_ID.test(ids.cpfContractId),
      `${field}.cpfContractId`,
      `the Caisse des Dépôts' contract id is 1 to 20 letters, digits, ".", "_", "/" or "-"; got "${ids.cpfContractId}"`,
    );
}

const componentKindFor: Record<CertificationKind, ComponentDraft['kind']> = {
  PROFESSIONAL_TITLE: 'CCP',
  RNCP_CERTIFICATION: 'BLOC',
};

function checkText(problems: InputProblems, field: string, value: string, max: number): void {
  problems
    .check(value.trim() !== '', field, 'must not be empty')
    .check(value.length <= max, field, `must be at most ${max} characters; got ${value.length}`);
}

function checkCodes(
  problems: InputProblems,
  field: string,
  codes: string[],
  pattern: RegExp,
  example: string,
): void {
  codes.forEach((code, index) =>
    problems.check(
      pattern.test(code),
      `${field}[${index}]`,
      `"${code}" is not a valid code, e.g. ${example}`,
    ),
  );
  const duplicate = codes.find((code, index) => codes.indexOf(code) !== index);
  problems.check(duplicate === undefined, field, `"${duplicate}" is listed twice`);
}

function checkDate(problems: InputProblems, field: string, value: LocalDate | null): void {
  if (value !== null)
    problems.check(isLocalDate(value), field, `"${value}" is not a date YYYY-MM-DD`);
}

/** Components: at least one, unique codes, the kind that goes with the certification's kind. */
export function checkComponents(
  problems: InputProblems,
  kind: CertificationKind,
  components: ComponentDraft[],
  field = 'components',
): void {
  problems.check(components.length > 0, field, 'a certification needs at least one component');
  const expectedKind = componentKindFor[kind];
  const seen = new Set<string>();
  components.forEach((component, index) => {
    const at = `${field}[${index}]`;
    problems.check(
      CODE.test(component.code),
      `${at}.code`,
      `"${component.code}" must be 2–40 letters, digits, ".", "_" or "-"`,
    );
    problems.check(
      !seen.has(component.code),
      `${at}.code`,
      `"${component.code}" is used by another component`,
    );
    seen.add(component.code);
    checkText(problems, `${at}.title`, component.title, 500);
    problems.check(
      component.kind === expectedKind,
      `${at}.kind`,
      `a ${kind} is made of ${expectedKind} components; got ${component.kind}`,
    );
    component.competences.forEach((competence, i) =>
      checkText(problems, `${at}.competences[${i}]`, competence, 1000),
    );
  });
}

/** Everything a certification must satisfy on its own, reported all at once. */
export function validateCertificationDraft(draft: CertificationDraft): void {
  const problems = new InputProblems();
  problems.check(
    CODE.test(draft.code),
    'code',
    `"${draft.code}" must be 2–40 letters, digits, ".", "_" or "-", e.g. RNCP36912 or TP-CDA`,
  );
  checkText(problems, 'title', draft.title, 300);
  problems.check(CERTIFICATION_KINDS.includes(draft.kind), 'kind', `unknown kind ${draft.kind}`);
  problems.check(
    Number.isInteger(draft.level) && draft.level >= 1 && draft.level <= 8,
    'level',
    `must be a European level from 1 to 8 (old French level III is 5, II is 6, I is 7); got ${draft.level}`,
  );
  checkCodes(problems, 'nsfCodes', draft.nsfCodes, NSF, '326t');
  checkCodes(problems, 'romeCodes', draft.romeCodes, ROME, 'M1805');
  checkCodes(problems, 'formacodes', draft.formacodes, FORMACODE, '31057');
  checkText(problems, 'certifier.name', draft.certifier.name, 300);
  if (draft.certifier.siret !== null) {
    problems.check(
      SIRET.test(draft.certifier.siret),
      'certifier.siret',
      `must be 14 digits; got "${draft.certifier.siret}"`,
    );
  }
  checkCpfIdentifiers(problems, draft.certifier);
  checkDate(problems, 'registeredFrom', draft.registeredFrom);
  checkDate(problems, 'registeredUntil', draft.registeredUntil);
  if (
    draft.registeredFrom &&
    draft.registeredUntil &&
    isAfter(draft.registeredFrom, draft.registeredUntil)
  ) {
    problems.add('registeredUntil', `must not be before registeredFrom (${draft.registeredFrom})`);
  }
  problems.check(
    CAPITALIZATION_RULES.includes(draft.capitalizationRule),
    'capitalizationRule',
    `unknown rule ${draft.capitalizationRule}`,
  );
  if (draft.vaeMinimumExperienceYears !== null) {
    problems.check(
      draft.vaeMinimumExperienceYears >= 0 && draft.vaeMinimumExperienceYears <= 50,
      'vaeMinimumExperienceYears',
      'must be between 0 and 50 years',
    );
  }
  checkPathways(problems, draft.pathways);
  checkJuryRule(problems, draft.juryRule);
  checkComponents(problems, draft.kind, draft.components);
  const specializationCodes = draft.specializations.map((s) => s.code);
  checkCodes(problems, 'specializations', specializationCodes, CODE, 'CCS-01');
  draft.specializations.forEach((s, i) =>
    checkText(problems, `specializations[${i}].title`, s.title, 300),
  );
  problems.throwIfAny();
}

/** Only a DRAFT is published; publishing twice is refused rather than silently accepted. */
export function assertPublishable(certification: Certification, today: LocalDate): void {
  const status = certificationStatus(certification, today);
  if (status !== 'DRAFT') {
    throw new InvalidInput(
      `${certification.code} is already published (status ${status}); only a DRAFT can be published`,
      'id',
    );
  }
}

/**
 * closeCertification(closedOn) sets registeredUntil: nobody may enrol after that date (R12),
 * holders of a component have one more year (R5). Closing may shorten the registration, never
 * extend it, and a DRAFT was never open so it cannot be closed.
 */
export function assertClosable(
  certification: Certification,
  closedOn: LocalDate,
  today: LocalDate,
): void {
  const status = certificationStatus(certification, today);
  if (status === 'DRAFT') {
    throw new InvalidInput(
      `${certification.code} is a DRAFT: it was never open, so it cannot be closed; delete or publish it instead`,
      'id',
    );
  }
  if (status === 'CLOSED') {
    throw new InvalidInput(
      `${certification.code} is already closed: its registration ended on ${certification.registeredUntil}`,
      'id',
    );
  }
  if (!isLocalDate(closedOn))
    throw new InvalidInput(`"${closedOn}" is not a date YYYY-MM-DD`, 'closedOn');
  if (certification.registeredFrom && isAfter(certification.registeredFrom, closedOn)) {
    throw new InvalidInput(
      `closedOn must not be before the registration start ${certification.registeredFrom}`,
      'closedOn',
    );
  }
  if (certification.registeredUntil && isAfter(closedOn, certification.registeredUntil)) {
    throw new InvalidInput(
      `closedOn ${closedOn} is after the current end of registration ${certification.registeredUntil}; closing cannot extend a registration`,
      'closedOn',
    );
  }
}
