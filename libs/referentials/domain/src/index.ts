// Referentials domain: certifications, their components and versions, and the rules that govern
// them (status from dates, validation, publication, revision R4, closure R5/R12). No framework.
export * from './access-rules';
export * from './certification-draft';
export * from './certification';
export * from './certification-rules';
export * from './revision';
export * from './rncp/rncp-fiche';
export * from './rncp/map-rncp-fiche';
