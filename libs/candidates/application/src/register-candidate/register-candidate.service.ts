import {
  validateRegistration,
  type Candidate,
  type RegistrationDraft,
} from '@certif/candidates-domain';
import type { CandidatesDependencies } from '../ports';

/** A session manager registers a candidate; candidates.candidate.v1 says REGISTERED. */
export class RegisterCandidateService {
  constructor(private readonly deps: CandidatesDependencies) {}

  async execute(draft: RegistrationDraft): Promise<Candidate> {
    const valid = validateRegistration(draft, this.deps.clock.today());
    const candidate: Candidate = {
      id: this.deps.newId(),
      ...valid,
      registeredAt: this.deps.clock.now(),
      erasedAt: null,
      version: 1,
    };
    return this.deps.unitOfWork.transaction(async ({ candidates, events }) => {
      await candidates.insert(candidate);
      await events.changed(candidate, [], 'REGISTERED');
      return candidate;
    });
  }
}
