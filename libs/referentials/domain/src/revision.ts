import type { LocalDate } from '@certif/platform-calendar';
import { InputProblems, InvalidInput } from '@certif/platform-errors';
import type { CertificationDraft, ComponentDraft } from './certification-draft';
import { certificationStatus, looksLikeRncpCode, type Certification } from './certification';
import { validateCertificationDraft } from './certification-rules';

/** R4: a revised version, and which old components count as which new one. */
export interface RevisionDraft {
  code: string;
  title: string | null;
  registeredFrom: LocalDate | null;
  registeredUntil: LocalDate | null;
  components: ComponentDraft[];
  correspondences: { from: string[]; to: string }[];
}

export interface PlannedRevision {
  /** The new version: the old one's identity with the revision's code, dates and components. */
  draft: CertificationDraft;
  /** By component codes: old codes → new code. */
  correspondences: { from: string[]; to: string }[];
}

function assertRevisable(current: Certification, today: LocalDate): void {
  const status = certificationStatus(current, today);
  const refusals: Partial<Record<typeof status, string>> = {
    DRAFT: `${current.code} is a DRAFT: publish it before revising it, or change the draft itself`,
    REVISED: `${current.code} was already revised; revise its newest version instead`,
    CLOSED: `${current.code} is closed (registration ended ${current.registeredUntil}); a closed certification cannot be revised`,
  };
  const refusal = refusals[status];
  if (refusal) throw new InvalidInput(refusal, 'id');
}

function checkCorrespondences(
  current: Certification,
  revision: RevisionDraft,
  problems: InputProblems,
): void {
  const oldCodes = new Set(current.components.map((c) => c.code));
  const newCodes = new Set(revision.components.map((c) => c.code));
  const seen = new Set<string>();
  revision.correspondences.forEach((correspondence, index) => {
    const at = `correspondences[${index}]`;
    problems.check(
      correspondence.from.length > 0,
      `${at}.from`,
      'must name at least one component of the old version',
    );
    correspondence.from.forEach((code, i) => {
      problems.check(
        oldCodes.has(code),
        `${at}.from[${i}]`,
        `"${code}" is not a component of ${current.code} (it has ${[...oldCodes].join(', ')})`,
      );
    });
    const duplicate = correspondence.from.find(
      (code, i) => correspondence.from.indexOf(code) !== i,
    );
    problems.check(duplicate === undefined, `${at}.from`, `"${duplicate}" is listed twice`);
    problems.check(
      newCodes.has(correspondence.to),
      `${at}.to`,
      `"${correspondence.to}" is not a component of the new version (it has ${[...newCodes].join(', ')})`,
    );
    const key = `${[...correspondence.from].sort().join('+')}→${correspondence.to}`;
    problems.check(!seen.has(key), at, 'the same correspondence is listed twice');
    seen.add(key);
  });
}

/**
 * Plans a revision of an ACTIVE certification. The new version keeps what the revision does not
 * change (kind, level, codes of trades, certifier, capitalisation and final-interview rules) and
 * gets its own code; the caller checks that the code is not taken.
 */
export function planRevision(
  current: Certification,
  revision: RevisionDraft,
  today: LocalDate,
): PlannedRevision {
  assertRevisable(current, today);
  if (revision.code === current.code) {
    throw new InvalidInput(`the new version needs its own code, not ${current.code}`, 'input.code');
  }
  const draft: CertificationDraft = {
    code: revision.code,
    rncpCode: looksLikeRncpCode(revision.code) ? revision.code : null,
    title: revision.title ?? current.title,
    kind: current.kind,
    level: current.level,
    nsfCodes: current.nsfCodes,
    romeCodes: current.romeCodes,
    formacodes: current.formacodes,
    certifier: current.certifier,
    registeredFrom: revision.registeredFrom,
    registeredUntil: revision.registeredUntil,
    capitalizationRule: current.capitalizationRule,
    requiresFinalInterview: current.requiresFinalInterview,
    vaeMinimumExperienceYears: current.vaeMinimumExperienceYears,
    pathways: current.pathways,
    juryRule: current.juryRule,
    components: revision.components,
    specializations: current.specializations.map(({ code, title }) => ({ code, title })),
    notes: [],
  };
  const problems = new InputProblems();
  checkCorrespondences(current, revision, problems);
  try {
    validateCertificationDraft(draft);
  } catch (error) {
    if (!(error instanceof InvalidInput)) throw error;
    problems.add(error.field ? `input.${error.field}` : 'input', error.message);
  }
  problems.throwIfAny();
  return { draft, correspondences: revision.correspondences };
}
