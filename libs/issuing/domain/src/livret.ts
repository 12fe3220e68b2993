import { isBefore, type LocalDate } from '@certif/platform-calendar';
import {
  capitalizationDeadline,
  closureDeadline,
  countsBy,
  currentWindowStart,
  END_OF_TIME,
  hasLapsed,
} from './capitalization-deadline';
import { currentVersion, type Lineage, type VersionComponent } from './certification-lineage';
import { heldOnCurrentVersion, type HeldComponent } from './correspondence-mapping';
import { awardsTheTitle, type ComponentAcquisition, type TitleDecision } from './facts';

export const LIVRET_STATUSES = ['IN_PROGRESS', 'COMPLETE', 'LAPSED'] as const;
export type LivretStatus = (typeof LIVRET_STATUSES)[number];

export interface LivretFacts {
  lineage: Lineage;
  /** The candidate's acquisitions; those of other certifications are ignored. */
  acquisitions: readonly ComponentAcquisition[];
  decisions: readonly TitleDecision[];
  /** A parchemin of the title has been issued for this livret (whatever became of it since). */
  parcheminIssued: boolean;
  today: LocalDate;
}

export interface LivretView {
  /** R4: the lineage's current version. */
  certificationId: string;
  /** Components of the current version held within the deadline, in the referential's order. */
  acquiredComponents: HeldComponent[];
  missingComponents: VersionComponent[];
  capitalizationDeadline: LocalDate | null;
  /**
   * The deadline once the title closes, whatever today is: the date after which, without new
   * facts, this livret lapses (what a periodic sweep looks at).
   */
  lapsesAfter: LocalDate | null;
  status: LivretStatus;
  /** Everything the title needs is there and no parchemin has been issued yet. */
  parcheminDue: boolean;
  /**
   * When everything the title needs is there: the date of the jury decision that completed it
   * (the final step under R3, else the last component). Null while the title is not complete.
   */
  obtainedOn: LocalDate | null;
}

/** A TITLE_AWARDED awards every component of the title at once (DOMAIN: Deliberation). */
function acquisitionsOfTitleAwards(
  lineage: Lineage,
  decisions: readonly TitleDecision[],
): ComponentAcquisition[] {
  return decisions
    .filter((d) => d.outcome === 'TITLE_AWARDED' && d.scope !== 'SPECIALIZATION')
    .flatMap((d) => {
      const version = lineage.versions.find((v) => v.id === d.certificationId);
      return (version?.components ?? []).map((c) => ({
        decisionId: d.decisionId,
        componentId: c.id,
        certificationId: d.certificationId,
        sessionId: d.sessionId,
        acquiredOn: d.decidedOn,
      }));
    });
}

/**
 * The livret of one candidate for one certification lineage, from every fact known, as of today.
 *
 * - Components count when obtained on or before the capitalisation deadline. After it they do
 *   not count: under WITHIN_TITLE_VALIDITY (and any closed title) nothing obtained after
 *   closure + 1 year counts; under FIVE_YEARS a component obtained after the window opens a new
 *   window and the earlier components, lapsed, drop out of the livret.
 * - The parchemin is due when every component of the current version is held, and, where the
 *   certification requires a final interview (R3), a jury awarded the title or recorded the
 *   final interview passed on or after the date of the last component — and by the deadline.
 * - COMPLETE once a parchemin was issued; LAPSED from the day after the deadline; IN_PROGRESS
 *   otherwise.
 */
export function computeLivret(facts: LivretFacts): LivretView {
  const { lineage, today } = facts;
  const current = currentVersion(lineage);
  const inLineage = new Set(lineage.versions.map((v) => v.id));
  const decisions = facts.decisions.filter((d) => inLineage.has(d.certificationId));
  const rule = current.capitalizationRule;

  const closure = rule === 'UNLIMITED' ? null : closureDeadline(current.registeredUntil, today);
  const inTime = [...facts.acquisitions, ...acquisitionsOfTitleAwards(lineage, decisions)].filter(
    (a) => inLineage.has(a.certificationId) && countsBy(a.acquiredOn, closure),
  );
  const windowStart =
    rule === 'FIVE_YEARS_FROM_FIRST_COMPONENT'
      ? currentWindowStart(inTime.map((a) => a.acquiredOn))
      : null;
  const counting = windowStart
    ? inTime.filter((a) => !isBefore(a.acquiredOn, windowStart))
    : inTime;
  const deadline = capitalizationDeadline({
    rule,
    windowStart,
    registeredUntil: current.registeredUntil,
    today,
  });
  const lapsesAfter = capitalizationDeadline({
    rule,
    windowStart,
    registeredUntil: current.registeredUntil,
    today: END_OF_TIME,
  });

  const held = heldOnCurrentVersion(lineage, counting);
  const acquiredComponents = current.components
    .filter((c) => held.has(c.id))
    .map((c) => held.get(c.id) as HeldComponent);
  const missingComponents = current.components.filter((c) => !held.has(c.id));
  const lastComponentOn =
    acquiredComponents
      .map((c) => c.acquiredOn)
      .sort()
      .at(-1) ?? null;

  // R3: the earliest final step on or after the last component, by the deadline.
  const finalStepOn = current.requiresFinalInterview
    ? (decisions
        .filter(
          (d) =>
            d.scope !== 'SPECIALIZATION' &&
            awardsTheTitle(d) &&
            lastComponentOn !== null &&
            !isBefore(d.decidedOn, lastComponentOn) &&
            countsBy(d.decidedOn, deadline),
        )
        .map((d) => d.decidedOn)
        .sort()[0] ?? null)
    : lastComponentOn;
  const complete =
    current.components.length > 0 && missingComponents.length === 0 && finalStepOn !== null;
  const parcheminDue = complete && !facts.parcheminIssued;
  const status: LivretStatus = facts.parcheminIssued
    ? 'COMPLETE'
    : !complete && hasLapsed(deadline, today)
      ? 'LAPSED'
      : 'IN_PROGRESS';

  return {
    certificationId: current.id,
    acquiredComponents,
    missingComponents,
    capitalizationDeadline: deadline,
    lapsesAfter,
    status,
    parcheminDue,
    obtainedOn: complete ? finalStepOn : null,
  };
}
