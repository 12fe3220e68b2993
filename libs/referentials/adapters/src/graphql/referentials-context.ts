import DataLoader from 'dataloader';
import type { SubgraphContext } from '@certif/platform-graphql';
import type { CertificationQueries } from '@certif/referentials-application';
import { toCertificationType, toComponentType } from './certification.mapper';
import type { CertificationType, ComponentType } from './certification.types';

/** Per request: one query for all the certifications or components a response references. */
export interface ReferentialsLoaders {
  certificationById: DataLoader<string, CertificationType | null>;
  componentById: DataLoader<string, ComponentType | null>;
}

export interface ReferentialsContext extends SubgraphContext {
  loaders: ReferentialsLoaders;
}

export function createReferentialsLoaders(queries: CertificationQueries): ReferentialsLoaders {
  return {
    certificationById: new DataLoader(async (ids) => {
      const found = new Map((await queries.findByIds(ids)).map((c) => [c.id, c]));
      return ids.map((id) => {
        const certification = found.get(id);
        return certification
          ? toCertificationType(certification, queries.status(certification))
          : null;
      });
    }),
    componentById: new DataLoader(async (ids) => {
      const found = new Map((await queries.findComponentsByIds(ids)).map((c) => [c.id, c]));
      return ids.map((id) => {
        const component = found.get(id);
        return component ? toComponentType(component) : null;
      });
    }),
  };
}
