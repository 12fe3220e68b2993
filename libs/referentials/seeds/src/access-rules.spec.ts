// R8/R9 and the fiches' access-route tables, pinned from the seeds' own words (no DB).
import { PATHWAYS, type JuryRule, type Pathway } from '@certif/referentials-domain';

import {
  SEED_CERTIFICATIONS,
  cnamTechnicienDeveloppeur,
  openclassroomsExpertDeveloppementLogiciel,
} from './index';

const seedCoded = (code: string) => SEED_CERTIFICATIONS.find((s) => s.code === code);

describe('R9: each seed carries its fiche’s jury rule', () => {
  it.each<[string, string, JuryRule]>([
    [
      'TP-DL',
      'R8 (000): « un binôme d’évaluateurs composé d’un professionnel et d’un formateur »',
      {
        minMembers: 2,
        minProfessionals: 1,
        allProfessionals: false,
        requiredRoles: ['PROFESSIONAL', 'TRAINER'],
      },
    ],
    [
      'TP-CDA',
      '001: « un jury composé de professionnels » (2016 rules: at least two)',
      { minMembers: 2, minProfessionals: 2, allProfessionals: true, requiredRoles: [] },
    ],
    [
      'TP-DWWM',
      '002: « un jury composé de professionnels » (2016 rules: at least two)',
      { minMembers: 2, minProfessionals: 2, allProfessionals: true, requiredRoles: [] },
    ],
    [
      'RNCP28754',
      '003: « l’Administrateur général du Cnam ou son représentant, un enseignant du Cnam, un représentant qualifié des professions »',
      {
        minMembers: 3,
        minProfessionals: 1,
        allProfessionals: false,
        requiredRoles: ['CERTIFIER_REPRESENTATIVE', 'TEACHER', 'PROFESSIONAL'],
      },
    ],
    [
      'RNCP36912',
      '004: « trois membres dont deux professionnels du secteur informatique »',
      { minMembers: 3, minProfessionals: 2, allProfessionals: false, requiredRoles: [] },
    ],
  ])('%s — %s', (code, _words, rule) => {
    const seed = seedCoded(code);
    expect(seed?.juryRule).toEqual(rule);
  });
});

describe('access routes: each seed opens the routes of its fiche’s Oui/Non table', () => {
  it.each<[string, string, Pathway[]]>([
    [
      'TP-DL',
      'no table: training, VAE and discontinuous pathway described, none closed',
      [...PATHWAYS],
    ],
    ['TP-CDA', 'no table: training, VAE and partial success described, none closed', [...PATHWAYS]],
    [
      'TP-DWWM',
      'no table: training, VAE and partial success described, none closed',
      [...PATHWAYS],
    ],
  ])('%s opens every route (%s)', (code, _words, pathways) => {
    const seed = seedCoded(code);
    expect(seed?.pathways).toEqual(pathways);
  });

  it.each<[string, Pathway, boolean]>([
    [
      'Après un parcours de formation sous statut d’élève ou d’étudiant: X',
      'INITIAL_TRAINING',
      true,
    ],
    ['En contrat d’apprentissage: X', 'APPRENTICESHIP', true],
    ['Après un parcours de formation continue: X', 'CONTINUOUS_TRAINING', true],
    ['En contrat de professionnalisation: X', 'PROFESSIONALISATION_CONTRACT', true],
    ['Par candidature individuelle: X', 'INDIVIDUAL_APPLICATION', true],
    ['Par expérience dispositif VAE prévu en 2010: X', 'VAE', true],
    ['(no row for a discontinuous pathway)', 'DISCONTINUOUS_TRAINING', false],
  ])('003 « %s » → %s open: %s', (_words, pathway, open) => {
    expect(cnamTechnicienDeveloppeur.pathways.includes(pathway)).toBe(open);
  });

  it.each<[string, Pathway, boolean]>([
    [
      'Après un parcours de formation sous statut d’élève ou d’étudiant: Oui',
      'INITIAL_TRAINING',
      true,
    ],
    ['En contrat d’apprentissage: Oui', 'APPRENTICESHIP', true],
    ['Après un parcours de formation continue: Oui', 'CONTINUOUS_TRAINING', true],
    ['En contrat de professionnalisation: Oui', 'PROFESSIONALISATION_CONTRACT', true],
    ['Par candidature individuelle: Non', 'INDIVIDUAL_APPLICATION', false],
    ['Par expérience: Oui', 'VAE', true],
    ['(no row for a discontinuous pathway)', 'DISCONTINUOUS_TRAINING', false],
  ])('004 « %s » → %s open: %s', (_words, pathway, open) => {
    expect(openclassroomsExpertDeveloppementLogiciel.pathways.includes(pathway)).toBe(open);
  });
});
