import type { ServiceSchema } from '@certif/platform-persistence';
import { CertificationRow } from './certification.row';
import { ComponentRow, SpecializationRow } from './component.row';
import { Referentials1795354138244 } from './migrations/1795354138244-Referentials';
import { CertifierCpfIdentifiers1796075145289 } from './migrations/1796075145289-CertifierCpfIdentifiers';

/** The referentials tables; the service adds the event backbone's tables to these. */
export const referentialsTables: ServiceSchema = {
  entities: [CertificationRow, ComponentRow, SpecializationRow],
  migrations: [Referentials1795354138244, CertifierCpfIdentifiers1796075145289],
};
