import type { ServiceSchema } from '@certif/platform-persistence';
import { CandidateRow } from './candidate.row';
import { EnrollmentRow } from './enrollment.row';
import { KnownCertificationRow } from './known-certification.row';
import { Candidates1795356048254 } from './migrations/1795356048254-Candidates';
import { KnownCertificationPathways1796075014522 } from './migrations/1796075014522-KnownCertificationPathways';

/** The candidates tables; the service adds the event backbone's tables to these. */
export const candidatesTables: ServiceSchema = {
  entities: [CandidateRow, EnrollmentRow, KnownCertificationRow],
  migrations: [Candidates1795356048254, KnownCertificationPathways1796075014522],
};
