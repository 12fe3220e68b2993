import type { ServiceSchema } from '@certif/platform-persistence';
import { CandidateCenterRow } from './candidate-center.row';
import { CandidateRow } from './candidate.row';
import { EnrollmentRow } from './enrollment.row';
import { KnownCertificationRow } from './known-certification.row';
import { Candidates1795356048254 } from './migrations/1795356048254-Candidates';
import { KnownCertificationPathways1796075014522 } from './migrations/1796075014522-KnownCertificationPathways';
import { CandidateCenters1796076087519 } from './migrations/1796076087519-CandidateCenters';
import { CandidateRegisterData1796074575292 } from './migrations/1796074575292-CandidateRegisterData';

/** The candidates tables; the service adds the event backbone's tables to these. */
export const candidatesTables: ServiceSchema = {
  entities: [CandidateRow, EnrollmentRow, KnownCertificationRow, CandidateCenterRow],
  migrations: [
    Candidates1795356048254,
    CandidateRegisterData1796074575292,
    KnownCertificationPathways1796075014522,
    CandidateCenters1796076087519,
  ],
};
