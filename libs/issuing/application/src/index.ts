// Issuing use cases: facts in (consumers), livrets recomputed and parchemins issued, reads with
// authorization, public verification, revocation, documents, and the lapse sweep.
export * from './ports';
export * from './concurrent-change';
export * from './record-access';
export * from './livret-refresher';
export * from './facts-intake.service';
export * from './candidate-records.service';
export * from './credential-revocation.service';
export * from './document-desk.service';
export * from './lapse-sweep.service';
export * from './personal-data';
export * from './standing-parchemin';
export * from './cpf-deposit';
