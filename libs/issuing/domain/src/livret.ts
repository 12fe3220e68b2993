import { compareLocalDates, isBefore, type LocalDate } from '@certif/platform-calendar';
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
import {
  awardsTheTitle,
  countingFacts,
  type ComponentAcquisition,
  type DecisionCorrection,
  type TitleDecision,
} from './facts';

export const LIVRET_STATUSES = ['IN_PROGRESS', 'COMPLETE', 'LAPSED'] as const;
export type LivretStatus = (typeof LIVRET_STATUSES)[number];

export interface LivretFacts {
  lineage: Lineage;
  /** The candidate's acquisitions; those of other certifications are ignored. */
  acquisitions: readonly ComponentAcquisition[];
  decisions: readonly TitleDecision[];
  /** R9: corrections; the facts of the decisions they supersede no longer count. */
  corrections: readonly DecisionCorrection[];
  /**
   * A parchemin of the title stands for this livret: a VALID one, or one a person revoked (never
   * re-issued automatically). One revoked because a correction withdrew the title does not.
   */
  parcheminIssued: boolean;
  today: LocalDate;
}

export interface LivretView {
  /** R4: the lineage's current version, or the version the title was earned under (finality). */
  certificationId: string;
  /** Components of that version held within the deadline, in the referential's order. */
  acquiredComponents: HeldComponent[];
  missingComponents: VersionComponent[];
  capitalizationDeadline: LocalDate | null;
  /**
   * The deadline once the title closes, whatever today is: the date after which, without new
   * facts, this livret lapses (what a periodic sweep looks at).
   */
  lapsesAfter: LocalDate | null;
  status: LivretStatus;
  /** Everything the title needs is there (on `certificationId`): the title is earned. */
  earned: boolean;
  /** The title is earned and no parchemin stands yet. */
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

/** One version's reading of the facts: what the title needs on that version and what is held. */
interface VersionReading {
  certificationId: string;
  acquiredComponents: HeldComponent[];
  missingComponents: VersionComponent[];
  capitalizationDeadline: LocalDate | null;
  lapsesAfter: LocalDate | null;
  obtainedOn: LocalDate | null;
}

/**
 * The title on the last version of `lineage`, from the facts of that version and the earlier ones
 * (R4 correspondences), as of today.
 */
function readOnLastVersion(
  lineage: Lineage,
  acquisitions: readonly ComponentAcquisition[],
  allDecisions: readonly TitleDecision[],
  today: LocalDate,
): VersionReading {
  const current = currentVersion(lineage);
  const inLineage = new Set(lineage.versions.map((v) => v.id));
  const decisions = allDecisions.filter((d) => inLineage.has(d.certificationId));
  const rule = current.capitalizationRule;

  const closure = rule === 'UNLIMITED' ? null : closureDeadline(current.registeredUntil, today);
  const inTime = [...acquisitions, ...acquisitionsOfTitleAwards(lineage, decisions)].filter(
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

  // R3: the earliest final step on or after the last component, by the deadline (R5: the
  // decision's own date decides, the same date sessions checks against the grace year).
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
  return {
    certificationId: current.id,
    acquiredComponents,
    missingComponents,
    capitalizationDeadline: deadline,
    lapsesAfter,
    obtainedOn: complete ? finalStepOn : null,
  };
}

/**
 * The livret of one candidate for one certification lineage, from every fact known, as of today.
 *
 * - Components count when obtained on or before the capitalisation deadline. After it they do
 *   not count: under WITHIN_TITLE_VALIDITY (and any closed title) nothing obtained after
 *   closure + 1 year counts; under FIVE_YEARS a component obtained after the window opens a new
 *   window and the earlier components, lapsed, drop out of the livret.
 * - The title is earned when every component of a version is held, and, where the certification
 *   requires a final interview (R3), a jury awarded the title or recorded the final interview
 *   passed on or after the date of the last component — and by the deadline.
 * - Finality: the title earned on a version stays earned whatever revisions came after (R4 only
 *   changes what candidates still in progress must sit). Each version is read with the facts of
 *   that version and the earlier ones; the earliest completion wins, and the livret then stays
 *   on the version it was earned under. Otherwise the livret follows the current version.
 * - COMPLETE once a parchemin was issued; LAPSED from the day after the deadline; IN_PROGRESS
 *   otherwise.
 */
export function computeLivret(facts: LivretFacts): LivretView {
  const { lineage, today } = facts;
  const { acquisitions, decisions } = countingFacts(facts, facts.corrections);
  const readings = lineage.versions.map((_, i) =>
    readOnLastVersion(
      { rootId: lineage.rootId, versions: lineage.versions.slice(0, i + 1) },
      acquisitions,
      decisions,
      today,
    ),
  );
  const earnedOn = readings
    .filter((r) => r.obtainedOn !== null)
    .sort((a, b) => compareLocalDates(a.obtainedOn as LocalDate, b.obtainedOn as LocalDate))[0];
  const reading = earnedOn ?? (readings.at(-1) as VersionReading);
  const earned = earnedOn !== undefined;
  const status: LivretStatus = facts.parcheminIssued
    ? 'COMPLETE'
    : !earned && hasLapsed(reading.capitalizationDeadline, today)
      ? 'LAPSED'
      : 'IN_PROGRESS';

  return {
    ...reading,
    status,
    earned,
    parcheminDue: earned && !facts.parcheminIssued,
  };
}
