import type { LocalDate } from '@certif/platform-calendar';
import { orderLineage, type CertificationVersion, type Lineage } from './certification-lineage';
import type { ComponentAcquisition, TitleDecision } from './facts';
import type { CpfPassage } from './cpf-deposit';

/** A certification version with ids derived from codes (tests only). */
export function certificationVersion(
  code: string,
  componentCodes: readonly string[],
  overrides: Partial<CertificationVersion> = {},
): CertificationVersion {
  return {
    id: `id-${code}`,
    code,
    rncpCode: null,
    title: `Titre ${code}`,
    kind: 'PROFESSIONAL_TITLE',
    level: 5,
    certifier: { name: 'Ministère du Travail', siret: null },
    registeredFrom: null,
    registeredUntil: null,
    capitalizationRule: 'WITHIN_TITLE_VALIDITY',
    requiresFinalInterview: true,
    components: componentCodes.map((c, i) => ({
      id: `id-${c}`,
      code: c,
      title: `Composant ${c}`,
      position: i + 1,
    })),
    specializations: [],
    revisesId: null,
    revisedById: null,
    correspondences: [],
    version: 1,
    ...overrides,
  };
}

/**
 * The capitalisation facts of the five seed certifications (libs/referentials/seeds), as
 * referentials publishes them: codes, rules, final step, registration dates, components.
 */
export const SEED_VERSIONS = {
  /** 000: five years from the first CCP; the jury convenes the candidate to a final interview. */
  '000': certificationVersion('TP-DL', ['TP-DL-CCP1', 'TP-DL-CCP2'], {
    title: 'Développeur(se) logiciel',
    certifier: { name: 'Ministère chargé de l’emploi', siret: null },
    capitalizationRule: 'FIVE_YEARS_FROM_FIRST_COMPONENT',
    requiresFinalInterview: true,
  }),
  /** 001: within the title's validity; final interview after the last CCP. */
  '001': certificationVersion('TP-CDA', ['TP-CDA-CCP1', 'TP-CDA-CCP2', 'TP-CDA-CCP3'], {
    title: 'Concepteur développeur d’applications',
    level: 6,
    capitalizationRule: 'WITHIN_TITLE_VALIDITY',
    requiresFinalInterview: true,
  }),
  /** 002: within the title's validity; final interview after the last CCP. */
  '002': certificationVersion('TP-DWWM', ['TP-DWWM-CCP1', 'TP-DWWM-CCP2'], {
    title: 'Développeur web et web mobile',
    capitalizationRule: 'WITHIN_TITLE_VALIDITY',
    requiresFinalInterview: true,
  }),
  /** 003: blocs valid without limit; the full certification adds an individual evaluation. */
  '003': certificationVersion(
    'RNCP28754',
    ['RNCP28754BC01', 'RNCP28754BC02', 'RNCP28754BC03', 'RNCP28754BC04', 'RNCP28754BC05'],
    {
      rncpCode: 'RNCP28754',
      title: 'Technicien(ne) développeur(euse)',
      kind: 'RNCP_CERTIFICATION',
      certifier: { name: 'Conservatoire national des arts et métiers (CNAM)', siret: null },
      registeredFrom: '2018-08-05',
      registeredUntil: '2021-12-27',
      capitalizationRule: 'UNLIMITED',
      requiresFinalInterview: true,
    },
  ),
  /** 004: no rule printed, UNLIMITED assumed by referentials; all blocs suffice; ended 2025-09-29. */
  '004': certificationVersion('RNCP36912', ['RNCP36912BC01', 'RNCP36912BC02', 'RNCP36912BC03'], {
    rncpCode: 'RNCP36912',
    title: 'Expert en développement logiciel',
    kind: 'RNCP_CERTIFICATION',
    level: 7,
    certifier: { name: 'OPENCLASSROOMS', siret: '49386136300080' },
    registeredFrom: '2022-09-29',
    registeredUntil: '2025-09-29',
    capitalizationRule: 'UNLIMITED',
    requiresFinalInterview: false,
  }),
} satisfies Record<string, CertificationVersion>;

export function lineageOf(...versions: CertificationVersion[]): Lineage {
  const first = versions[0];
  if (!first) throw new Error('a lineage needs a version');
  return orderLineage(first.id, versions);
}

/** `acquired('TP-CDA-CCP1', '2024-01-10')`: a component of the version `id-<certification>`. */
export function acquired(
  componentCode: string,
  acquiredOn: LocalDate,
  certificationCode = componentCode.replace(/-(CCP|BC)\d+$|BC\d+$/, ''),
): ComponentAcquisition {
  return {
    decisionId: `decision-${componentCode}-${acquiredOn}`,
    componentId: `id-${componentCode}`,
    certificationId: `id-${certificationCode}`,
    sessionId: `session-${acquiredOn}`,
    acquiredOn,
  };
}

export function decision(
  certificationCode: string,
  decidedOn: LocalDate,
  overrides: Partial<TitleDecision> = {},
): TitleDecision {
  return {
    decisionId: `title-${certificationCode}-${decidedOn}`,
    certificationId: `id-${certificationCode}`,
    sessionId: `session-${decidedOn}`,
    decidedOn,
    outcome: 'COMPONENTS_AWARDED',
    finalInterviewPassed: true,
    scope: 'COMPONENTS',
    specializationId: null,
    ...overrides,
  };
}

/** The deposit's passage of Ada Lovelace's parchemin RNCP36912-2026-000001, as the register has it. */
export const ADA_PASSAGE: CpfPassage = {
  idTechnique: 'RNCP36912-2026-000001',
  obtention: 'PAR_ADMISSION',
  dateDebutValidite: '2026-06-05',
  dateFinValidite: null,
  modaliteAcces: 'FORMATION_CONTINUE_HORS_CONTRAT_DE_PROFESSIONNALISATION',
  voieAccesVae: null,
  titulaire: {
    nomNaissance: 'Lovelace',
    nomUsage: null,
    prenom1: 'Ada',
    anneeNaissance: 1995,
    moisNaissance: 12,
    jourNaissance: 10,
    sexe: 'F',
    codeInsee: '69123',
    codePostal: null,
    libelleCommune: 'Lyon',
    codePays: 'FRA',
    libellePays: 'France',
  },
};
