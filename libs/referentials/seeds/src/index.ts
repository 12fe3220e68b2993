// Public surface of referentials-seeds: the five seed certifications (DOMAIN.md), as
// CertificationDraft values read from shared/seeds/*.txt, in seed order.
import type { CertificationDraft } from '@certif/referentials-domain';

import * as seed000 from './seed-000-developpeur-logiciel';
import * as seed001 from './seed-001-concepteur-developpeur-applications';
import * as seed002 from './seed-002-developpeur-web-web-mobile';
import * as seed003 from './seed-003-cnam-technicien-developpeur';
import * as seed004 from './seed-004-openclassrooms-expert-developpement-logiciel';

export * from './seed-000-developpeur-logiciel';
export * from './seed-001-concepteur-developpeur-applications';
export * from './seed-002-developpeur-web-web-mobile';
export * from './seed-003-cnam-technicien-developpeur';
export * from './seed-004-openclassrooms-expert-developpement-logiciel';

export const SEED_CERTIFICATIONS: readonly CertificationDraft[] = [
  seed000.developpeurLogiciel,
  seed001.concepteurDeveloppeurApplications,
  seed002.developpeurWebWebMobile,
  seed003.cnamTechnicienDeveloppeur,
  seed004.openclassroomsExpertDeveloppementLogiciel,
];
