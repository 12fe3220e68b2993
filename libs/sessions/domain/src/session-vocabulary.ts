/** What a session assesses: the whole title, some of its components, or a CCS (R7). */
export const SESSION_SCOPES = ['FULL_TITLE', 'COMPONENTS', 'SPECIALIZATION'] as const;
export type SessionScope = (typeof SESSION_SCOPES)[number];

export const SESSION_STATUSES = ['PLANNED', 'DELIBERATED', 'CLOSED'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** R8/R9: who sits on a jury; only PROFESSIONAL jurors count towards a titre professionnel jury. */
export const JUROR_ROLES = [
  'PROFESSIONAL',
  'TRAINER',
  'TEACHER',
  'CERTIFIER_REPRESENTATIVE',
] as const;
export type JurorRole = (typeof JUROR_ROLES)[number];

/** R1: the title; or some components; or nothing; or the candidate did not come. */
export const DECISION_OUTCOMES = [
  'TITLE_AWARDED',
  'COMPONENTS_AWARDED',
  'NOT_AWARDED',
  'ABSENT',
] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

// Voies d'accès: one list for every context's domain, from the platform's shared vocabulary.
export { PATHWAYS, type Pathway } from '@certif/platform-vocabulary';
