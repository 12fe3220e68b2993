// Candidates use cases and the ports their adapters implement.
export * from './ports';
export * from './candidate-access';
export * from './register-candidate/register-candidate.service';
export * from './enroll-candidate/enroll-candidate.service';
export * from './enroll-candidate/certification-lineage';
export * from './record-vae-admissibility/record-vae-admissibility.service';
export * from './erase-candidate/erase-candidate.service';
export * from './read-candidates/candidate-queries';
export * from './export-my-data/personal-data-contributor';
export * from './export-my-data/export-my-data.service';
export * from './export-my-data/candidates-personal-data';
export * from './certification-read-model/record-certification-state';
export * from './use-cases';
