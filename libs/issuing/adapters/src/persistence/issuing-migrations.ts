import type { ServiceSchema } from '@certif/platform-persistence';
import { CredentialCounterRow, CredentialRow } from './credential.row';
import { CpfBatchRow, CpfPassageRow } from './cpf-deposit.rows';
import { CpfDeposit1796076918527 } from './migrations/1796076918527-CpfDeposit';
import { AcquiredComponentRow, DecisionCorrectionRow, TitleDecisionRow } from './fact.rows';
import { KnownCandidateRow } from './known-candidate.row';
import { KnownCertificationRow } from './known-certification.row';
import { LivretRow } from './livret.row';
import { Issuing1795356319205 } from './migrations/1795356319205-Issuing';
import { CredentialObtainedOn1796074307578 } from './migrations/1796074307578-CredentialObtainedOn';
import { DecisionCorrections1796075341393 } from './migrations/1796075341393-DecisionCorrections';
import { HolderBirthDate1796075870041 } from './migrations/1796075870041-HolderBirthDate';

/** The issuing tables; the service adds the event backbone's tables to these. */
export const issuingTables: ServiceSchema = {
  entities: [
    KnownCertificationRow,
    KnownCandidateRow,
    AcquiredComponentRow,
    TitleDecisionRow,
    DecisionCorrectionRow,
    LivretRow,
    CredentialRow,
    CredentialCounterRow,
    CpfBatchRow,
    CpfPassageRow,
  ],
  migrations: [
    Issuing1795356319205,
    CredentialObtainedOn1796074307578,
    DecisionCorrections1796075341393,
    HolderBirthDate1796075870041,
    CpfDeposit1796076918527,
  ],
};
