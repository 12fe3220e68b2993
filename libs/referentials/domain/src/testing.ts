import { InvalidInput } from '@certif/platform-errors';
import { defaultJuryRule, PATHWAYS } from './access-rules';
import type { CertificationDraft } from './certification-draft';
import type { Certification } from './certification';

/** A published certification built from a draft, with ids derived from codes (tests only). */
export function publishedFromDraft(
  draft: CertificationDraft,
  overrides: Partial<Certification> = {},
): Certification {
  return {
    ...draft,
    id: `id-${draft.code}`,
    publishedAt: new Date('2020-01-01T00:00:00Z'),
    revisesId: null,
    revisedById: null,
    components: draft.components.map((c, i) => ({ ...c, id: `id-${c.code}`, position: i + 1 })),
    specializations: draft.specializations.map((s) => ({ ...s, id: `id-${s.code}` })),
    correspondences: [],
    importedFrom: null,
    version: 1,
    ...overrides,
  };
}

export function sampleDraft(overrides: Partial<CertificationDraft> = {}): CertificationDraft {
  return {
    code: 'TP-CDA',
    rncpCode: null,
    title: "Concepteur développeur d'applications",
    kind: 'PROFESSIONAL_TITLE',
    level: 6,
    nsfCodes: ['326t'],
    romeCodes: ['M1805'],
    formacodes: [],
    certifier: { name: 'Ministère du Travail', siret: null },
    registeredFrom: null,
    registeredUntil: null,
    capitalizationRule: 'WITHIN_TITLE_VALIDITY',
    requiresFinalInterview: true,
    vaeMinimumExperienceYears: 1,
    pathways: [...PATHWAYS],
    juryRule: defaultJuryRule('PROFESSIONAL_TITLE'),
    components: [
      {
        code: 'TP-CDA-CCP1',
        title: 'Concevoir et développer des composants',
        kind: 'CCP',
        competences: ['Maquetter une application'],
      },
      {
        code: 'TP-CDA-CCP2',
        title: 'Concevoir et développer la persistance',
        kind: 'CCP',
        competences: ['Concevoir une base de données'],
      },
      {
        code: 'TP-CDA-CCP3',
        title: 'Concevoir et développer une application multicouche',
        kind: 'CCP',
        competences: ['Développer des composants métier'],
      },
    ],
    specializations: [],
    notes: [],
    ...overrides,
  };
}

/** The InvalidInput a rule throws; fails the test when it throws none (or another error). */
export function refusal(work: () => unknown): InvalidInput {
  try {
    work();
  } catch (error) {
    if (error instanceof InvalidInput) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}
