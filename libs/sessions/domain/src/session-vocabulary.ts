/** What a session assesses: the whole title, some of its components, or a CCS (R7). */
export const SESSION_SCOPES = ['FULL_TITLE', 'COMPONENTS', 'SPECIALIZATION'] as const;
export type SessionScope = (typeof SESSION_SCOPES)[number];

export const SESSION_STATUSES = ['PLANNED', 'DELIBERATED', 'CLOSED'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

// R8/R9: who sits on a jury, and the voies d'accès: one list each for every context's domain,
// from the platform's shared vocabulary.
export { JUROR_ROLES, PATHWAYS, type JurorRole, type Pathway } from '@certif/platform-vocabulary';

/** R1: the title; or some components; or nothing; or the candidate did not come. */
export const DECISION_OUTCOMES = [
  'TITLE_AWARDED',
  'COMPONENTS_AWARDED',
  'NOT_AWARDED',
  'ABSENT',
] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];
