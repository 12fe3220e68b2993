import type { CertificationState } from './certification-changed.event';

/**
 * Test support for consumers of referentials.certification.v1: a version 1 state of a
 * PROFESSIONAL_TITLE, active, with no component, no revision and no dates; `overrides` says what a
 * spec needs otherwise.
 */
export function sampleCertificationState(
  overrides: Partial<CertificationState> = {},
): CertificationState {
  return {
    id: 'cert-tp-cda',
    code: 'TP-CDA',
    rncpCode: null,
    title: 'Concepteur développeur d’applications',
    kind: 'PROFESSIONAL_TITLE',
    level: 6,
    status: 'ACTIVE',
    registeredFrom: null,
    registeredUntil: null,
    capitalizationRule: 'WITHIN_TITLE_VALIDITY',
    requiresFinalInterview: true,
    vaeMinimumExperienceYears: 1,
    certifier: { name: 'Ministère du Travail', siret: null },
    components: [],
    specializations: [],
    revisesId: null,
    revisedById: null,
    correspondences: [],
    version: 1,
    ...overrides,
  };
}
