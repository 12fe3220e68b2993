import type { LocalDate } from '@certif/platform-calendar';

/** sessions.ccp-acquired.v1: a jury awarded one component (R1). */
export interface ComponentAcquisition {
  decisionId: string;
  componentId: string;
  /** The version of the certification the component belongs to. */
  certificationId: string;
  sessionId: string | null;
  acquiredOn: LocalDate;
}

export type DecisionScope = 'FULL_TITLE' | 'COMPONENTS' | 'SPECIALIZATION';

/** sessions.title-awarded.v1: the title awarded, a final interview passed (R3), or a CCS (R7). */
export interface TitleDecision {
  decisionId: string;
  certificationId: string;
  sessionId: string | null;
  decidedOn: LocalDate;
  outcome: 'TITLE_AWARDED' | 'COMPONENTS_AWARDED';
  finalInterviewPassed: boolean;
  scope: DecisionScope;
  specializationId: string | null;
}

/** The jury's final step (R3): the title awarded, or the final interview passed. */
export function awardsTheTitle(decision: TitleDecision): boolean {
  return decision.outcome === 'TITLE_AWARDED' || decision.finalInterviewPassed;
}

/**
 * sessions.decision-corrected.v1, as issuing keeps it (R9): decision `decisionId` supersedes
 * `supersededDecisionId`. The new decision's own facts are stored as acquisitions and decisions
 * of `decisionId`, like those of any decision.
 */
export interface DecisionCorrection {
  decisionId: string;
  supersededDecisionId: string;
  certificationId: string;
  decidedOn: LocalDate;
  correctedOn: LocalDate;
  reason: string;
}

/**
 * The facts that count: those of every decision no correction superseded. A fact of a superseded
 * decision that arrives after its correction is filtered the same way, so the order in which
 * facts and corrections arrive does not matter; in a chain (a correction corrected) only the
 * last decision counts.
 */
export function countingFacts<
  A extends Pick<ComponentAcquisition, 'decisionId'>,
  D extends Pick<TitleDecision, 'decisionId'>,
>(
  facts: { acquisitions: readonly A[]; decisions: readonly D[] },
  corrections: readonly Pick<DecisionCorrection, 'supersededDecisionId'>[],
): { acquisitions: A[]; decisions: D[] } {
  const superseded = new Set(corrections.map((c) => c.supersededDecisionId));
  return {
    acquisitions: facts.acquisitions.filter((a) => !superseded.has(a.decisionId)),
    decisions: facts.decisions.filter((d) => !superseded.has(d.decisionId)),
  };
}
