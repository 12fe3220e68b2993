// What consumers' tests reuse: a referentials.certification.v1 state as referentials publishes it.
import type { CertificationState } from './certification-changed.event';

/** TP-CDA, ACTIVE, version 1, no component: a state for a consumer's test to adjust. */
export function sampleCertificationState(
  overrides: Partial<CertificationState> = {},
): CertificationState {
  return {
    id: 'cda',
    code: 'TP-CDA',
    rncpCode: null,
    title: "Concepteur développeur d'applications",
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
