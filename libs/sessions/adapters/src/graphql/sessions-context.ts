import DataLoader from 'dataloader';
import type { LocalDate } from '@certif/platform-calendar';
import type { SubgraphContext } from '@certif/platform-graphql';
import type { SessionQueries } from '@certif/sessions-application';
import {
  currentDecision,
  type ExamSession,
  type Juror,
  type JuryDecision,
  type Registration,
} from '@certif/sessions-domain';

/** Per request: one query for all the sessions, jurors, registrations or decisions a response needs. */
export interface SessionsLoaders {
  sessionById: DataLoader<string, ExamSession | null>;
  jurorsBySession: DataLoader<string, Juror[]>;
  registrationsBySession: DataLoader<string, Registration[]>;
  registrationById: DataLoader<string, Registration | null>;
  /** The decision standing. */
  decisionByRegistration: DataLoader<string, JuryDecision | null>;
  /** Every decision, superseded ones included (R9). */
  decisionsByRegistration: DataLoader<string, JuryDecision[]>;
}

export interface SessionsContext extends SubgraphContext {
  loaders: SessionsLoaders;
  /** The service clock's day for this request: a session's status depends on it. */
  today: LocalDate;
}

function byKey<T, K extends keyof T>(items: T[], key: K): Map<T[K], T> {
  return new Map(items.map((item) => [item[key], item]));
}

function groupedBy<T, K extends keyof T>(items: T[], key: K): Map<T[K], T[]> {
  const groups = new Map<T[K], T[]>();
  for (const item of items) groups.set(item[key], [...(groups.get(item[key]) ?? []), item]);
  return groups;
}

export function createSessionsLoaders(queries: SessionQueries): SessionsLoaders {
  return {
    sessionById: new DataLoader(async (ids) => {
      const found = byKey(await queries.sessionsByIds(ids), 'id');
      return ids.map((id) => found.get(id) ?? null);
    }),
    jurorsBySession: new DataLoader(async (ids) => {
      const found = groupedBy(await queries.jurorsBySessions(ids), 'sessionId');
      return ids.map((id) => found.get(id) ?? []);
    }),
    registrationsBySession: new DataLoader(async (ids) => {
      const found = groupedBy(await queries.registrationsBySessions(ids), 'sessionId');
      return ids.map((id) => found.get(id) ?? []);
    }),
    registrationById: new DataLoader(async (ids) => {
      const found = byKey(await queries.registrationsByIds(ids), 'id');
      return ids.map((id) => found.get(id) ?? null);
    }),
    decisionByRegistration: new DataLoader(async (ids) => {
      const found = groupedBy(await queries.decisionsByRegistrations(ids), 'registrationId');
      return ids.map((id) => currentDecision(found.get(id) ?? []));
    }),
    decisionsByRegistration: new DataLoader(async (ids) => {
      const found = groupedBy(await queries.decisionsByRegistrations(ids), 'registrationId');
      return ids.map((id) => found.get(id) ?? []);
    }),
  };
}
