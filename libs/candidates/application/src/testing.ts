// In-memory adapters for the use-case specs of this library (not exported).
import { Conflict } from '@certif/platform-errors';
import { fixedClock, type LocalDate } from '@certif/platform-calendar';
import {
  searchWords,
  searchable,
  supersedes,
  type Candidate,
  type Enrollment,
  type KnownCertification,
} from '@certif/candidates-domain';
import type {
  CandidateChange,
  CandidateQuery,
  CandidatesDependencies,
  CandidatesTransaction,
  CandidatesUnitOfWork,
  KnownCertificationStore,
  Page,
} from './ports';
import { sortKeyOf } from './read-candidates/candidate-queries';

interface State {
  candidates: Map<string, Candidate>;
  enrollments: Map<string, Enrollment>;
  certifications: Map<string, KnownCertification>;
  events: { change: CandidateChange; candidate: Candidate; enrollments: Enrollment[] }[];
}

const key = (c: Candidate) => {
  const k = sortKeyOf(c);
  return [k.lastName, k.firstName, k.id];
};
const compare = (a: string[], b: string[]) =>
  a.join('\u0000') < b.join('\u0000') ? -1 : a.join('\u0000') > b.join('\u0000') ? 1 : 0;

export class InMemoryCandidates implements CandidatesUnitOfWork {
  state: State = {
    candidates: new Map(),
    enrollments: new Map(),
    certifications: new Map(),
    events: [],
  };

  get events() {
    return this.state.events;
  }

  readonly certifications: KnownCertificationStore = {
    findById: async (id) => this.state.certifications.get(id) ?? null,
    findByIds: async (ids) => ids.flatMap((id) => this.state.certifications.get(id) ?? []),
    saveIfNewer: async (certification) => {
      if (!supersedes(certification, this.state.certifications.get(certification.id) ?? null))
        return false;
      this.state.certifications.set(certification.id, certification);
      return true;
    },
  };

  readonly reader = {
    findById: async (id: string) => this.state.candidates.get(id) ?? null,
    findByIds: async (ids: readonly string[]) =>
      ids.flatMap((id) => this.state.candidates.get(id) ?? []),
    search: async (query: CandidateQuery): Promise<Page<Candidate>> => {
      const words = searchWords(query.search);
      const matching = [...this.state.candidates.values()]
        .filter((c) =>
          words.every(
            (w) => c.erasedAt === null && searchable(`${c.lastName} ${c.firstName}`).includes(w),
          ),
        )
        .sort((a, b) => compare(key(a), key(b)));
      const after = query.after;
      const rest = after
        ? matching.filter((c) => compare(key(c), [after.lastName, after.firstName, after.id]) > 0)
        : matching;
      return {
        items: rest.slice(0, query.first),
        totalCount: matching.length,
        hasNextPage: rest.length > query.first,
      };
    },
    enrollmentsOf: async (ids: readonly string[]) =>
      [...this.state.enrollments.values()].filter((e) => ids.includes(e.candidateId)),
    findEnrollmentsByIds: async (ids: readonly string[]) =>
      ids.flatMap((id) => this.state.enrollments.get(id) ?? []),
  };

  /** Works on a copy, kept only when the work succeeds: a failed use case leaves nothing behind. */
  async transaction<T>(work: (tx: CandidatesTransaction) => Promise<T>): Promise<T> {
    const draft: State = {
      candidates: new Map(this.state.candidates),
      enrollments: new Map(this.state.enrollments),
      certifications: this.state.certifications,
      events: [...this.state.events],
    };
    const result = await work({
      candidates: {
        lock: async (id) => draft.candidates.get(id) ?? null,
        insert: async (candidate) => void draft.candidates.set(candidate.id, candidate),
        update: async (candidate) => {
          if (draft.candidates.get(candidate.id)?.version !== candidate.version - 1) {
            throw new Conflict('changed by someone else meanwhile', 'id');
          }
          draft.candidates.set(candidate.id, candidate);
        },
        enrollmentsOf: async (id) =>
          [...draft.enrollments.values()].filter((e) => e.candidateId === id),
        lockEnrollment: async (id) => draft.enrollments.get(id) ?? null,
        insertEnrollment: async (e) => void draft.enrollments.set(e.id, e),
        updateEnrollment: async (e) => void draft.enrollments.set(e.id, e),
      },
      certifications: this.certifications,
      events: {
        changed: async (candidate, enrollments, change) =>
          void draft.events.push({ change, candidate, enrollments: [...enrollments] }),
      },
    });
    this.state = draft;
    return result;
  }
}

export function inMemoryDependencies(
  today: LocalDate = '2026-11-22',
): CandidatesDependencies & { unitOfWork: InMemoryCandidates } {
  let next = 0;
  return {
    unitOfWork: new InMemoryCandidates(),
    clock: fixedClock(today),
    newId: () => `id-${(next += 1)}`,
  };
}
