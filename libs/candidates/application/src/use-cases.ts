import { CandidatesPersonalData } from './export-my-data/candidates-personal-data';
import { ExportMyData } from './export-my-data/export-my-data.service';
import type { PersonalDataContributor } from './export-my-data/personal-data-contributor';
import { EnrollCandidate } from './enroll-candidate/enroll-candidate.service';
import { EraseCandidate } from './erase-candidate/erase-candidate.service';
import type { CandidatesDependencies } from './ports';
import { CandidateQueries } from './read-candidates/candidate-queries';
import { RecordVaeAdmissibility } from './record-vae-admissibility/record-vae-admissibility.service';
import { RegisterCandidate } from './register-candidate/register-candidate.service';

/** Every use case of the candidates context, built on the same ports. */
export interface CandidatesUseCases {
  register: RegisterCandidate;
  enroll: EnrollCandidate;
  recordVaeAdmissibility: RecordVaeAdmissibility;
  erase: EraseCandidate;
  queries: CandidateQueries;
  exportMyData: ExportMyData;
}

/**
 * `personalData`: the export's sources besides the candidates service's own section (e.g. issuing's
 * livrets and parchemins, once the platform provides them).
 */
export function candidatesUseCases(
  deps: CandidatesDependencies,
  personalData: readonly PersonalDataContributor[] = [],
): CandidatesUseCases {
  return {
    register: new RegisterCandidate(deps),
    enroll: new EnrollCandidate(deps),
    recordVaeAdmissibility: new RecordVaeAdmissibility(deps),
    erase: new EraseCandidate(deps),
    queries: new CandidateQueries(deps.unitOfWork),
    exportMyData: new ExportMyData({
      contributors: [new CandidatesPersonalData(deps.unitOfWork), ...personalData],
      clock: deps.clock,
    }),
  };
}
