import type { ServiceSchema } from '@certif/platform-persistence';
import { CertificationRow } from './certification.row';
import { ComponentRow, SpecializationRow } from './component.row';
import { Referentials1795354138244 } from './migrations/1795354138244-Referentials';
import { AccessRoutesAndJuryRule1796074626265 } from './migrations/1796074626265-AccessRoutesAndJuryRule';
import { CertifierCpfIdentifiers1796075145289 } from './migrations/1796075145289-CertifierCpfIdentifiers';
import { RncpImport1796075338578 } from './migrations/1796075338578-RncpImport';

/** The referentials tables; the service adds the event backbone's tables to these. */
export const referentialsTables: ServiceSchema = {
  entities: [CertificationRow, ComponentRow, SpecializationRow],
  migrations: [
    Referentials1795354138244,
    AccessRoutesAndJuryRule1796074626265,
    CertifierCpfIdentifiers1796075145289,
    RncpImport1796075338578,
  ],
};
