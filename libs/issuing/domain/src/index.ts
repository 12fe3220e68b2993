// Issuing domain: livrets from facts (acquired components, jury decisions, the certification
// lineage), capitalisation deadlines (R2, R5), revisions (R4), the final interview (R3), CCS (R7)
// and what a parchemin states (R11); the deposit of holders with the Caisse des Dépôts. Plain functions and types; no framework.
export * from './certification-lineage';
export * from './facts';
export * from './capitalization-deadline';
export * from './correspondence-mapping';
export * from './livret';
export * from './specialization-award';
export * from './parchemin';
export * from './cpf-deposit';
