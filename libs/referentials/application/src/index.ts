// Referentials use cases (one folder each) and the ports their adapters implement.
export * from './ports';
export * from './create-certification/create-certification.service';
export * from './publish-certification/publish-certification.service';
export * from './revise-certification/revise-certification.service';
export * from './close-certification/close-certification.service';
export * from './set-certifier-cpf-identifiers/set-certifier-cpf-identifiers.service';
export * from './load-seed-certifications/load-seed-certifications.service';
export * from './read-certifications/certification-queries';
export * from './import-register';
