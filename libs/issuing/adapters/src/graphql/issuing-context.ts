import DataLoader from 'dataloader';
import type { SubgraphContext } from '@certif/platform-graphql';
import type { CandidateRecordsQueries, IssuingLinks } from '@certif/issuing-application';
import { toCredentialType, toLivretType } from './issuing.mapper';
import type { CredentialType, LivretType } from './issuing.types';

/** Per request: one round of queries for every candidate, livret or parchemin (`Credential`) a response names. */
export interface IssuingLoaders {
  livretsByCandidate: DataLoader<string, LivretType[]>;
  credentialsByCandidate: DataLoader<string, CredentialType[]>;
  livretById: DataLoader<string, LivretType | null>;
  credentialById: DataLoader<string, CredentialType | null>;
}

export interface IssuingContext extends SubgraphContext {
  loaders: IssuingLoaders;
}

function mapped<T, R>(value: T | Error, map: (value: T) => R): R | Error {
  return value instanceof Error ? value : map(value);
}

/** Authorization is checked per key: a refused candidate fails alone, not the whole batch. */
export function createIssuingLoaders(
  records: CandidateRecordsQueries,
  context: Pick<SubgraphContext, 'principal'>,
  links: IssuingLinks,
): IssuingLoaders {
  const { principal } = context;
  return {
    livretsByCandidate: new DataLoader(async (ids) =>
      (await records.livretsOf(principal, ids)).map((r) =>
        mapped(r, (list) => list.map((l) => toLivretType(l, links))),
      ),
    ),
    credentialsByCandidate: new DataLoader(async (ids) =>
      (await records.parcheminsOf(principal, ids)).map((r) =>
        mapped(r, (list) => list.map((c) => toCredentialType(c, links))),
      ),
    ),
    livretById: new DataLoader(async (ids) =>
      (await records.livretsByIds(principal, ids)).map((r) =>
        r === null ? null : mapped(r, (l) => toLivretType(l, links)),
      ),
    ),
    credentialById: new DataLoader(async (ids) =>
      (await records.parcheminsByIds(principal, ids)).map((r) =>
        r === null ? null : mapped(r, (c) => toCredentialType(c, links)),
      ),
    ),
  };
}
