/** Voies d'accès to a certification (DOMAIN.md glossary; the contract's `Pathway` enum). */
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
