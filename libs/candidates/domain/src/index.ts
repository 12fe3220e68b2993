// Candidates domain: candidates, their enrolments and pathways, the VAE recevabilité (R6), the
// enrolment rules against the certifications the service knows (R12, R4), erasure (R13).
// Plain functions and types, no framework.
export * from './pathway';
export * from './candidate';
export * from './candidate-registration';
export * from './known-certification';
export * from './enrollment';
export * from './enrollment-rules';
export * from './vae-admissibility';
export * from './erasure';
export * from './refusal';
export * from './search-text';
