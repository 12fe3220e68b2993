import type { ServiceSchema } from '@certif/platform-persistence';
import { CandidateRow } from './candidate.row';
import { EnrollmentRow } from './enrollment.row';
import { KnownCertificationRow } from './known-certification.row';
import { Candidates1795356048254 } from './migrations/1795356048254-Candidates';
import { CandidateRegisterData1796074575292 } from './migrations/1796074575292-CandidateRegisterData';

/** The candidates tables; the service adds the event backbone's tables to these. */
export const candidatesTables: ServiceSchema = {
  entities: [CandidateRow, EnrollmentRow, KnownCertificationRow],
  migrations: [Candidates1795356048254, CandidateRegisterData1796074575292],
};
