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
