/**
 * R8/R9: who sits on a jury; only PROFESSIONAL jurors count towards a titre professionnel jury.
 * Referentials states a certification's jury rule in these roles, sessions seats jurors in them.
 */
export const JUROR_ROLES = [
  'PROFESSIONAL',
  'TRAINER',
  'TEACHER',
  'CERTIFIER_REPRESENTATIVE',
] as const;
export type JurorRole = (typeof JUROR_ROLES)[number];
