import DataLoader from 'dataloader';
import type { SubgraphContext } from '@certif/platform-graphql';
import type { CandidateCentersReader, CandidateQueries } from '@certif/candidates-application';
import { toCandidateType, toEnrollmentType } from './candidate.mapper';
import type { CandidateType, EnrollmentType } from './candidate.types';

/** Per request: one query for all the candidates or enrolments a response needs. */
export interface CandidatesLoaders {
  candidateById: DataLoader<string, CandidateType | null>;
  enrollmentById: DataLoader<string, EnrollmentType | null>;
  enrollmentsByCandidateId: DataLoader<string, EnrollmentType[]>;
  /** The exam centres each candidate is registered in (personal-data rule). */
  centersByCandidateId: DataLoader<string, string[]>;
}

export interface CandidatesContext extends SubgraphContext {
  loaders: CandidatesLoaders;
}

export function createCandidatesLoaders(
  queries: CandidateQueries,
  centers: CandidateCentersReader,
): CandidatesLoaders {
  return {
    centersByCandidateId: new DataLoader(async (ids) => {
      const found = await centers.centersOf(ids);
      return ids.map((id) => found.get(id) ?? []);
    }),
    candidateById: new DataLoader(async (ids) => {
      const found = new Map((await queries.findByIds(ids)).map((c) => [c.id, c]));
      return ids.map((id) => {
        const candidate = found.get(id);
        return candidate ? toCandidateType(candidate) : null;
      });
    }),
    enrollmentById: new DataLoader(async (ids) => {
      const found = new Map((await queries.findEnrollmentsByIds(ids)).map((e) => [e.id, e]));
      return ids.map((id) => {
        const enrollment = found.get(id);
        return enrollment ? toEnrollmentType(enrollment) : null;
      });
    }),
    enrollmentsByCandidateId: new DataLoader(async (ids) => {
      const enrollments = await queries.enrollmentsOf(ids);
      return ids.map((id) => enrollments.filter((e) => e.candidateId === id).map(toEnrollmentType));
    }),
  };
}
