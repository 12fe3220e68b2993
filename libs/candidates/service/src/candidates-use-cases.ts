import type { CandidatesUseCases } from '@certif/candidates-adapters';
import {
  CandidateQueries,
  CandidatesPersonalData,
  EnrollCandidateService,
  EraseCandidateService,
  ExportMyDataService,
  RecordVaeAdmissibilityService,
  RegisterCandidateService,
  type CandidatesDependencies,
  type PersonalDataContributor,
} from '@certif/candidates-application';

/**
 * Every use case of the candidates context on the same ports. `personalData`: the export's
 * sources besides the candidates service's own section (e.g. issuing's livrets and parchemins).
 */
export function candidatesUseCases(
  deps: CandidatesDependencies,
  personalData: readonly PersonalDataContributor[] = [],
): CandidatesUseCases {
  return {
    register: new RegisterCandidateService(deps),
    enroll: new EnrollCandidateService(deps),
    recordVaeAdmissibility: new RecordVaeAdmissibilityService(deps),
    erase: new EraseCandidateService(deps),
    exportMyData: new ExportMyDataService({
      contributors: [new CandidatesPersonalData(deps.unitOfWork), ...personalData],
      clock: deps.clock,
    }),
    queries: new CandidateQueries(deps.unitOfWork),
  };
}
