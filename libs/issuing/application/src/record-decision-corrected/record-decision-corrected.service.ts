import type {
  ComponentAcquisition,
  DecisionCorrection,
  TitleDecision,
} from '@certif/issuing-domain';
import type { IssuingDependencies } from '../ports';
import { refreshLivretAfterFact } from '../refresh-livret';

/** A correction as issuing reads it: the supersession, and the new decision's own facts. */
export interface CorrectedDecision {
  correction: DecisionCorrection;
  /** The components the new decision awards (its full set), as acquisitions of it. */
  acquisitions: ComponentAcquisition[];
  /** The new decision's title step (title awarded, final interview passed, CCS), if it has one. */
  decision: TitleDecision | null;
}

/** sessions.decision-corrected.v1, as issuing reads it. */
export interface RecordDecisionCorrected {
  candidateId: string;
  corrected: CorrectedDecision;
}

/**
 * R9: the correction and the new decision's own facts are stored (the superseded decision's
 * facts, stored or still to come, stop counting), then the livret is recomputed: a parchemin no
 * longer earned is revoked with the correction's reason, a newly earned one is issued.
 */
export class RecordDecisionCorrectedService {
  constructor(private readonly deps: IssuingDependencies) {}

  execute({ candidateId, corrected }: RecordDecisionCorrected): Promise<void> {
    return this.deps.unitOfWork.transaction(async (tx) => {
      await tx.candidates.lockFacts(candidateId);
      await tx.facts.addCorrection(candidateId, corrected.correction);
      for (const acquisition of corrected.acquisitions)
        await tx.facts.addAcquisition(candidateId, acquisition);
      if (corrected.decision) await tx.facts.addDecision(candidateId, corrected.decision);
      await refreshLivretAfterFact(
        this.deps,
        tx,
        candidateId,
        corrected.correction.certificationId,
        corrected.correction,
      );
    });
  }
}
