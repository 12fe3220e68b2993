import type { Principal } from '@certif/platform-auth';
import { InvalidInput, NotFound } from '@certif/platform-errors';
import {
  searchable,
  type Candidate,
  type Enrollment,
  type KnownCertification,
} from '@certif/candidates-domain';
import { assertMayActOnCandidate } from '../candidate-access';
import type { CandidateSortKey, CandidatesUnitOfWork, Page } from '../ports';

export const SEARCH_MAX_LENGTH = 100;

/** Where a candidate stands in the list: the keyset of the `candidates` connection. */
export function sortKeyOf(candidate: Candidate): CandidateSortKey {
  return {
    lastName: searchable(candidate.lastName),
    firstName: searchable(candidate.firstName),
    id: candidate.id,
  };
}

/** Reading candidates: by id (session managers, or the candidate themself), `me`, search. */
export class CandidateQueries {
  constructor(private readonly unitOfWork: CandidatesUnitOfWork) {}

  /** NOT_FOUND for an unknown id — but only to those who may read it, so ids do not leak. */
  async get(principal: Principal, id: string): Promise<Candidate> {
    assertMayActOnCandidate(principal, id, 'read');
    const candidate = await this.unitOfWork.reader.findById(id);
    if (!candidate) throw new NotFound('candidate', id);
    return candidate;
  }

  /** The signed-in candidate; null for a token without a candidateId claim. */
  async me(principal: Principal): Promise<Candidate | null> {
    return principal.candidateId ? this.unitOfWork.reader.findById(principal.candidateId) : null;
  }

  async search(
    search: string | null,
    first: number,
    after: CandidateSortKey | null,
  ): Promise<Page<Candidate>> {
    if (search !== null && search.length > SEARCH_MAX_LENGTH) {
      throw new InvalidInput(
        `search must be at most ${SEARCH_MAX_LENGTH} characters; got ${search.length}`,
        'search',
      );
    }
    return this.unitOfWork.reader.search({ search, first, after });
  }

  findByIds(ids: readonly string[]): Promise<Candidate[]> {
    return this.unitOfWork.reader.findByIds(ids);
  }

  enrollmentsOf(candidateIds: readonly string[]): Promise<Enrollment[]> {
    return this.unitOfWork.reader.enrollmentsOf(candidateIds);
  }

  findEnrollmentsByIds(ids: readonly string[]): Promise<Enrollment[]> {
    return this.unitOfWork.reader.findEnrollmentsByIds(ids);
  }

  findCertificationsByIds(ids: readonly string[]): Promise<KnownCertification[]> {
    return this.unitOfWork.certifications.findByIds(ids);
  }
}
