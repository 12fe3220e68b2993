// Issuing use cases, one folder each: facts in (the consumers' record-*), livrets recomputed and
// parchemins issued, revocation, the lapse sweep, the deposit with the Caisse des Dépôts, and the
// reads (records, documents, personal data, deposits) with authorization.
export * from './ports';
export * from './concurrent-change';
export * from './record-access';
export * from './refresh-livret';
export * from './record-ccp-acquired/record-ccp-acquired.service';
export * from './record-title-awarded/record-title-awarded.service';
export * from './record-decision-corrected/record-decision-corrected.service';
export * from './record-certification-state/record-certification-state.service';
export * from './record-candidate-state/record-candidate-state.service';
export * from './revoke-parchemin/revoke-parchemin.service';
export * from './sweep-lapses/sweep-lapses.service';
export * from './read-candidate-records/candidate-records.queries';
export * from './read-documents/documents.queries';
export * from './read-personal-data/personal-data.queries';
export * from './export-cpf/export-cpf.service';
export * from './import-cpf-report/import-cpf-report.service';
export * from './read-cpf-deposits/cpf-deposits.queries';
