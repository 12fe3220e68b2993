import type { Principal } from '@certif/platform-auth';
import { NotFound } from '@certif/platform-errors';
import { erase, type Candidate } from '@certif/candidates-domain';
import { assertMayActOnCandidate } from '../candidate-access';
import type { CandidatesDependencies } from '../ports';

/**
 * R13, the right to erasure: a session manager or the candidate themself replaces the identity
 * with a pseudonym; enrolments stay. candidates.candidate.v1 says ERASED so that every other
 * service forgets the identity too. Erasing again returns the erased record and publishes nothing.
 */
export class EraseCandidateService {
  constructor(private readonly deps: CandidatesDependencies) {}

  async execute(principal: Principal, id: string): Promise<Candidate> {
    assertMayActOnCandidate(principal, id, 'erase');
    return this.deps.unitOfWork.transaction(async ({ candidates, events }) => {
      const candidate = await candidates.lock(id);
      if (!candidate) throw new NotFound('candidate', id);
      const erased = erase(candidate, this.deps.clock.now());
      if (!erased) return candidate;
      await candidates.update(erased);
      await events.changed(erased, await candidates.enrollmentsOf(id), 'ERASED');
      return erased;
    });
  }
}
