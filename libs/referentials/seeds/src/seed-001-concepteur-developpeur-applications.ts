// Source: shared/seeds/001_3683f5b565e1ae65.txt
import { PATHWAYS, type CertificationDraft } from '@certif/referentials-domain';

export const concepteurDeveloppeurApplications: CertificationDraft = {
  code: 'TP-CDA',
  rncpCode: null,
  title: 'Concepteur développeur d’applications',
  kind: 'PROFESSIONAL_TITLE',
  level: 6,
  nsfCodes: ['326t'],
  romeCodes: [],
  formacodes: [],
  certifier: {
    name: 'Ministère du Travail',
    siret: null,
  },
  registeredFrom: null,
  registeredUntil: null,
  capitalizationRule: 'WITHIN_TITLE_VALIDITY',
  requiresFinalInterview: true,
  vaeMinimumExperienceYears: 1,
  // Every access route: the fiche describes training, VAE and partial success and closes none.
  pathways: [...PATHWAYS],
  // R9, 2016 rules: « un jury composé de professionnels » — at least two, all professionals.
  juryRule: { minMembers: 2, minProfessionals: 2, allProfessionals: true, requiredRoles: [] },
  components: [
    {
      code: 'TP-CDA-CCP1',
      title: 'Développer une application sécurisée',
      kind: 'CCP',
      competences: [
        'Installer et configurer son environnement de travail en fonction du projet',
        'Développer des interfaces utilisateur',
        'Développer des composants métier',
        'Contribuer à la gestion d’un projet informatique',
      ],
    },
    {
      code: 'TP-CDA-CCP2',
      title: 'Préparer le déploiement d’une application sécurisée',
      kind: 'CCP',
      competences: [
        'Préparer et exécuter les plans de tests d’une application',
        'Préparer et documenter le déploiement d’une application',
        'Contribuer à la mise en production dans une démarche DevOps',
      ],
    },
    {
      code: 'TP-CDA-CCP3',
      title: 'Concevoir et développer une application sécurisée organisée en couches',
      kind: 'CCP',
      competences: [
        'Analyser les besoins et maquetter une application',
        'Définir l’architecture logicielle d’une application',
        'Concevoir et mettre en place une base de données relationnelle',
        'Développer des composants d’accès aux données SQL et NoSQL',
      ],
    },
  ],
  specializations: [],
  notes: [
    'Numéro RNCP inconnu : la source n’en imprime aucun ; code local TP-CDA attribué.',
    'Aucun code de CCP imprimé : codes locaux TP-CDA-CCP1 à TP-CDA-CCP3 dérivés du code de ' +
      'la certification, dans l’ordre du document.',
    'Aucun code ROME, aucun formacode, aucun SIRET du certificateur et aucune date ' +
      'd’enregistrement imprimés dans la source.',
    'Le renvoi de note « 1 » placé après l’intitulé du titre n’a pas de texte correspondant ' +
      'dans la source (seule la note 2 est imprimée).',
    'CCS : la source décrit les modalités d’obtention d’un CCS mais n’en nomme aucun ; ' +
      'aucune spécialisation chargée.',
    'Capitalisation : « Le candidat peut se présenter aux CCP manquants dans la limite de la ' +
      'durée de validité du titre » (arrêtés du 22/12/2015 et du 21/07/2016).',
    'Entretien final requis : « Afin d’attribuer le titre, un entretien final se déroule en ' +
      'fin de session du dernier CCP, et au vu du livret de certification ».',
    'VAE : « expérience professionnelle d’un an en rapport avec le titre visé », ' +
      'recevabilité notifiée par la DREETS.',
  ],
};
