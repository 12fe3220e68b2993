// Pins the facts read from shared/seeds/*.txt into the seed certifications (no DB).
import type { CertificationDraft } from '@certif/referentials-domain';

import {
  SEED_CERTIFICATIONS,
  cnamTechnicienDeveloppeur,
  concepteurDeveloppeurApplications,
  developpeurLogiciel,
  developpeurWebWebMobile,
  openclassroomsExpertDeveloppementLogiciel,
} from './index';

interface ExpectedSeed {
  seed: CertificationDraft;
  code: string;
  rncpCode: string | null;
  kind: CertificationDraft['kind'];
  level: number;
  /** Component code → number of competences, in document order. */
  components: [string, number][];
  nsfCodes: string[];
  romeCodes: string[];
  formacodes: string[];
  certifier: { name: string; siret: string | null };
  registeredFrom: string | null;
  registeredUntil: string | null;
  capitalizationRule: CertificationDraft['capitalizationRule'];
  requiresFinalInterview: boolean;
  vaeMinimumExperienceYears: number | null;
}

/** What the fiches of seeds 001 and 002 print alike (Ministère du Travail, 2015/2016 rules). */
const MINISTERE_DU_TRAVAIL_2016: Omit<ExpectedSeed, 'seed' | 'code' | 'level' | 'components'> = {
  rncpCode: null,
  kind: 'PROFESSIONAL_TITLE',
  nsfCodes: ['326t'],
  romeCodes: [],
  formacodes: [],
  certifier: { name: 'Ministère du Travail', siret: null },
  registeredFrom: null,
  registeredUntil: null,
  capitalizationRule: 'WITHIN_TITLE_VALIDITY',
  requiresFinalInterview: true,
  vaeMinimumExperienceYears: 1,
};

const EXPECTED: ExpectedSeed[] = [
  {
    seed: developpeurLogiciel,
    code: 'TP-DL',
    rncpCode: null,
    kind: 'PROFESSIONAL_TITLE',
    level: 5,
    components: [
      ['TP-DL-CCP1', 5],
      ['TP-DL-CCP2', 4],
    ],
    nsfCodes: ['326t'],
    romeCodes: ['M1805'],
    formacodes: [],
    certifier: { name: 'Ministère chargé de l’emploi', siret: null },
    registeredFrom: null,
    registeredUntil: null,
    capitalizationRule: 'FIVE_YEARS_FROM_FIRST_COMPONENT',
    requiresFinalInterview: true,
    vaeMinimumExperienceYears: 3,
  },
  {
    ...MINISTERE_DU_TRAVAIL_2016,
    seed: concepteurDeveloppeurApplications,
    code: 'TP-CDA',
    level: 6,
    components: [
      ['TP-CDA-CCP1', 4],
      ['TP-CDA-CCP2', 3],
      ['TP-CDA-CCP3', 4],
    ],
  },
  {
    ...MINISTERE_DU_TRAVAIL_2016,
    seed: developpeurWebWebMobile,
    code: 'TP-DWWM',
    level: 5,
    components: [
      ['TP-DWWM-CCP1', 4],
      ['TP-DWWM-CCP2', 4],
    ],
  },
  {
    seed: cnamTechnicienDeveloppeur,
    code: 'RNCP28754',
    rncpCode: 'RNCP28754',
    kind: 'RNCP_CERTIFICATION',
    level: 5,
    components: [
      ['RNCP28754BC01', 7],
      ['RNCP28754BC02', 3],
      ['RNCP28754BC03', 5],
      ['RNCP28754BC04', 2],
      ['RNCP28754BC05', 4],
    ],
    nsfCodes: ['326'],
    romeCodes: ['M1805', 'M1810'],
    formacodes: [],
    certifier: { name: 'Conservatoire national des arts et métiers (CNAM)', siret: null },
    registeredFrom: '2018-08-05',
    registeredUntil: '2021-12-27',
    capitalizationRule: 'UNLIMITED',
    requiresFinalInterview: true,
    vaeMinimumExperienceYears: null,
  },
  {
    seed: openclassroomsExpertDeveloppementLogiciel,
    code: 'RNCP36912',
    rncpCode: 'RNCP36912',
    kind: 'RNCP_CERTIFICATION',
    level: 7,
    components: [
      ['RNCP36912BC01', 9],
      ['RNCP36912BC02', 9],
      ['RNCP36912BC03', 10],
    ],
    nsfCodes: ['326t'],
    romeCodes: ['M1802', 'M1805', 'M1806'],
    formacodes: ['31057'],
    certifier: { name: 'OPENCLASSROOMS', siret: '49386136300080' },
    registeredFrom: '2022-09-29',
    registeredUntil: '2025-09-29',
    capitalizationRule: 'UNLIMITED',
    requiresFinalInterview: false,
    vaeMinimumExperienceYears: null,
  },
];

describe('seed certifications', () => {
  it('lists the five seeds in seed order', () => {
    expect(SEED_CERTIFICATIONS).toHaveLength(5);
    expect(SEED_CERTIFICATIONS.map((c) => c.code)).toEqual([
      'TP-DL',
      'TP-CDA',
      'TP-DWWM',
      'RNCP28754',
      'RNCP36912',
    ]);
    EXPECTED.forEach((expected, i) => expect(SEED_CERTIFICATIONS[i]).toBe(expected.seed));
  });

  for (const expected of EXPECTED) {
    describe(expected.code, () => {
      const seed = expected.seed;

      it('has its code, RNCP number, kind and EU level', () => {
        expect(seed.code).toBe(expected.code);
        expect(seed.rncpCode).toBe(expected.rncpCode);
        expect(seed.kind).toBe(expected.kind);
        expect(seed.level).toBe(expected.level);
      });

      it('has its components in document order, with their competences', () => {
        expect(seed.components.map((c) => c.code)).toEqual(expected.components.map(([c]) => c));
        expect(seed.components.map((c) => c.competences.length)).toEqual(
          expected.components.map(([, n]) => n),
        );
        const kind = seed.kind === 'PROFESSIONAL_TITLE' ? 'CCP' : 'BLOC';
        for (const component of seed.components) {
          expect(component.kind).toBe(kind);
          expect(component.title.trim()).not.toBe('');
          for (const competence of component.competences) {
            expect(competence).toBe(competence.trim());
            expect(competence).not.toMatch(/\s{2}/);
          }
        }
      });

      it('has its NSF, ROME and formacodes', () => {
        expect(seed.nsfCodes).toEqual(expected.nsfCodes);
        expect(seed.romeCodes).toEqual(expected.romeCodes);
        expect(seed.formacodes).toEqual(expected.formacodes);
        for (const nsf of seed.nsfCodes) expect(nsf).toMatch(/^\d{3}[a-z]?$/);
        for (const rome of seed.romeCodes) expect(rome).toMatch(/^[A-N]\d{4}$/);
      });

      it('has its certifier and registration period', () => {
        expect(seed.certifier).toEqual(expected.certifier);
        if (seed.certifier.siret !== null) expect(seed.certifier.siret).toMatch(/^\d{14}$/);
        expect(seed.registeredFrom).toBe(expected.registeredFrom);
        expect(seed.registeredUntil).toBe(expected.registeredUntil);
      });

      it('has its capitalisation rule, final-interview flag and VAE experience', () => {
        expect(seed.capitalizationRule).toBe(expected.capitalizationRule);
        expect(seed.requiresFinalInterview).toBe(expected.requiresFinalInterview);
        expect(seed.vaeMinimumExperienceYears).toBe(expected.vaeMinimumExperienceYears);
      });

      it('names no CCS, so carries no specialisation', () => {
        expect(seed.specializations).toEqual([]);
      });
    });
  }

  it('gives every component a code unique across all seeds', () => {
    const codes = SEED_CERTIFICATIONS.flatMap((c) => c.components.map((k) => k.code));
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('gives seeds 000-002 local codes that cannot pass for RNCP numbers', () => {
    for (const seed of [
      developpeurLogiciel,
      concepteurDeveloppeurApplications,
      developpeurWebWebMobile,
    ]) {
      expect(seed.rncpCode).toBeNull();
      expect(seed.code).not.toMatch(/^RNCP\d+/);
      for (const component of seed.components) expect(component.code).not.toMatch(/^RNCP\d+/);
      expect(seed.notes.some((n) => /RNCP/.test(n) && /inconnu/.test(n))).toBe(true);
    }
  });

  it('keeps the old-nomenclature level printed by seeds 000 and 002 in a note', () => {
    for (const seed of [developpeurLogiciel, developpeurWebWebMobile]) {
      expect(seed.notes.some((n) => /Niveau imprimé : III/.test(n))).toBe(true);
    }
  });

  it('flags that seed 004 announces 4 blocs but lists 3', () => {
    const note = openclassroomsExpertDeveloppementLogiciel.notes.find((n) => /4 blocs/.test(n));
    expect(note).toBeDefined();
    expect(note).toMatch(/3/);
  });

  it('flags the capitalisation rule of seed 004 as an assumption', () => {
    const notes = openclassroomsExpertDeveloppementLogiciel.notes;
    expect(notes.some((n) => /Hypothèse/.test(n) && /UNLIMITED/.test(n))).toBe(true);
  });

  it('flags DIRECCTE in seed 002 under the 2015/2016 rules', () => {
    expect(developpeurWebWebMobile.notes.some((n) => /DIRECCTE/.test(n))).toBe(true);
  });
});
