/**
 * Voies d'accès: the routes by which a candidate comes to a certification (DOMAIN.md glossary,
 * the fiche's table; the contract's `Pathway` enum). One list for every context's domain:
 * referentials says which routes a certification opens, candidates enrols on one, sessions
 * checks it, and the event contracts take it for their schemas: a route added here is a contract
 * change (a new version of the events if consumers must be told).
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
