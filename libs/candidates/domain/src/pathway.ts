// Voies d'accès: one list for every context's domain, from the platform's shared vocabulary.
export { PATHWAYS, type Pathway } from '@certif/platform-vocabulary';
