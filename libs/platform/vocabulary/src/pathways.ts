/**
 * Voies d'accès: the routes by which a candidate comes to a certification (DOMAIN.md glossary,
 * the fiche's table; the contract's `Pathway` enum). One list for every context's domain:
 * referentials says which routes a certification opens, candidates enrols on one, sessions
 * checks it. The event contracts keep their own copy, so that they stay stable when this moves.
 */
export const PATHWAYS = [
  /** « Sous statut d'élève ou d'étudiant » (the next release's addition). */
  'INITIAL_TRAINING',
  'CONTINUOUS_TRAINING',
  'VAE',
  'DISCONTINUOUS_TRAINING',
  'APPRENTICESHIP',
  'PROFESSIONALISATION_CONTRACT',
  'INDIVIDUAL_APPLICATION',
] as const;
export type Pathway = (typeof PATHWAYS)[number];
