import type {
  CandidateQueries,
  EnrollCandidateService,
  EraseCandidateService,
  ExportMyDataService,
  RecordVaeAdmissibilityService,
  RegisterCandidateService,
} from '@certif/candidates-application';

/** The use cases the resolvers call, one `execute` each; wired by the composition root. */
export interface CandidatesUseCases {
  register: RegisterCandidateService;
  enroll: EnrollCandidateService;
  recordVaeAdmissibility: RecordVaeAdmissibilityService;
  erase: EraseCandidateService;
  exportMyData: ExportMyDataService;
  queries: CandidateQueries;
}
