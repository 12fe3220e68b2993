import type { CandidateView, EnrollmentView } from '@certif/sessions-domain';
import type { Projection, ReadModelWriter } from '../ports';

/** A candidate as candidates.candidate.v1 publishes it, with their enrolments. */
export interface CandidateState {
  candidate: CandidateView;
  enrollments: EnrollmentView[];
}

/**
 * candidates.candidate.v1 keeps the candidates' read model current: the identity (the pseudonym
 * once erased, R13) and enrolments. Enrolments are never removed: an erased candidate keeps the
 * record of what they sat, and a state that lists fewer enrolments does not undo registrations.
 */
export class RecordCandidateStateService {
  constructor(private readonly writer: ReadModelWriter) {}

  async execute({ candidate, enrollments }: CandidateState): Promise<Projection> {
    const [current] = await this.writer.candidatesByIds([candidate.id]);
    if (current && current.version >= candidate.version) return 'stale';
    await this.writer.saveCandidate(candidate, enrollments);
    return 'applied';
  }
}
