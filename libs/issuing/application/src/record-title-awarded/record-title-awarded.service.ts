import type { TitleDecision } from '@certif/issuing-domain';
import type { IssuingDependencies } from '../ports';
import { refreshLivretAfterFact } from '../refresh-livret';

/** sessions.title-awarded.v1, as issuing reads it. */
export interface RecordTitleAwarded {
  candidateId: string;
  decision: TitleDecision;
}

/**
 * A jury's title step (title awarded, final interview passed, CCS): the decision is stored, then
 * the candidate's livret of that lineage is recomputed, which issues the parchemin when due.
 */
export class RecordTitleAwardedService {
  constructor(private readonly deps: IssuingDependencies) {}

  execute({ candidateId, decision }: RecordTitleAwarded): Promise<void> {
    return this.deps.unitOfWork.transaction(async (tx) => {
      await tx.candidates.lockFacts(candidateId);
      await tx.facts.addDecision(candidateId, decision);
      await refreshLivretAfterFact(this.deps, tx, candidateId, decision.certificationId);
    });
  }
}
