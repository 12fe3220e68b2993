// Candidates use cases (one folder each, one `XService.execute`) and the ports their adapters
// implement.
export * from './ports';
export * from './candidate-access';
export * from './register-candidate/register-candidate.service';
export * from './enroll-candidate/enroll-candidate.service';
export * from './enroll-candidate/certification-lineage';
export * from './record-vae-admissibility/record-vae-admissibility.service';
export * from './erase-candidate/erase-candidate.service';
export * from './export-my-data/export-my-data.service';
export * from './export-my-data/candidates-personal-data';
export * from './read-candidates/candidate-queries';
export * from './record-certification-state/record-certification-state.service';
export * from './record-candidate-center/record-candidate-center.service';
