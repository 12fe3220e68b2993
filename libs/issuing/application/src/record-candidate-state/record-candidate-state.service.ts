import type { CandidateIdentity, IssuingDependencies } from '../ports';

/**
 * candidates.candidate.v1: the names documents print, kept at their highest version; an erased
 * identity is never replaced by a named one (R13).
 */
export class RecordCandidateStateService {
  constructor(private readonly deps: Pick<IssuingDependencies, 'unitOfWork'>) {}

  execute(identity: CandidateIdentity): Promise<void> {
    return this.deps.unitOfWork.transaction((tx) => tx.candidates.save(identity));
  }
}
