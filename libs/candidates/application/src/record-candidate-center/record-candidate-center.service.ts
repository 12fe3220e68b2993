import type { CandidateCenter, CandidateCentersStore } from '../ports';

/**
 * sessions.registration.v1 keeps the centres read model current (which exam centres each
 * candidate is registered in, for the personal-data rule). Idempotent: a registration recorded
 * twice is kept once. The event adapter builds it on the store of the consumer's transaction.
 */
export class RecordCandidateCenterService {
  constructor(private readonly store: CandidateCentersStore) {}

  execute(registration: CandidateCenter): Promise<void> {
    return this.store.record(registration);
  }
}
