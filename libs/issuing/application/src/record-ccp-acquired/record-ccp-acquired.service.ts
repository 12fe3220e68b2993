import type { ComponentAcquisition } from '@certif/issuing-domain';
import type { IssuingDependencies } from '../ports';
import { refreshLivretAfterFact } from '../refresh-livret';

/** sessions.ccp-acquired.v1, as issuing reads it. */
export interface RecordCcpAcquired {
  candidateId: string;
  acquisition: ComponentAcquisition;
}

/**
 * A component acquired: the fact is stored (a replay finds it there), then the candidate's livret
 * of that lineage is recomputed from all facts. A fact about a certification not known yet waits
 * in the store and counts once the certification arrives.
 */
export class RecordCcpAcquiredService {
  constructor(private readonly deps: IssuingDependencies) {}

  execute({ candidateId, acquisition }: RecordCcpAcquired): Promise<void> {
    return this.deps.unitOfWork.transaction(async (tx) => {
      await tx.candidates.lockFacts(candidateId);
      await tx.facts.addAcquisition(candidateId, acquisition);
      await refreshLivretAfterFact(this.deps, tx, candidateId, acquisition.certificationId);
    });
  }
}
