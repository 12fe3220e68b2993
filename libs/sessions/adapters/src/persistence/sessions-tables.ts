import type { ServiceSchema } from '@certif/platform-persistence';
import { ExamSessionRow } from './exam-session.row';
import { JurorRow } from './juror.row';
import { JuryDecisionRow } from './jury-decision.row';
import {
  CandidateViewRow,
  CertificationViewRow,
  EnrollmentViewRow,
  ParcheminViewRow,
} from './read-model.rows';
import { Sessions1795356011088 } from './migrations/1795356011088-Sessions';
import { DecisionCorrectionsAndJuryRule1796075574287 } from './migrations/1796075574287-DecisionCorrectionsAndJuryRule';
import { RegistrationRow } from './registration.row';

/** The sessions tables; the service adds the event backbone's tables to these. */
export const sessionsTables: ServiceSchema = {
  entities: [
    ExamSessionRow,
    JurorRow,
    RegistrationRow,
    JuryDecisionRow,
    CertificationViewRow,
    CandidateViewRow,
    EnrollmentViewRow,
    ParcheminViewRow,
  ],
  migrations: [Sessions1795356011088, DecisionCorrectionsAndJuryRule1796075574287],
};
