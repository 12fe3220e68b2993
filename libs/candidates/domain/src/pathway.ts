/** Voies d'accès to a certification (DOMAIN.md glossary; the contract's `Pathway` enum). */
export const PATHWAYS = [
  'CONTINUOUS_TRAINING',
  'VAE',
  'DISCONTINUOUS_TRAINING',
  'APPRENTICESHIP',
  'PROFESSIONALISATION_CONTRACT',
  'INDIVIDUAL_APPLICATION',
] as const;
export type Pathway = (typeof PATHWAYS)[number];
