// Source: shared/seeds/002_3a489026b9703e04.txt
import { PATHWAYS, type CertificationDraft } from '@certif/referentials-domain';

export const developpeurWebWebMobile: CertificationDraft = {
  code: 'TP-DWWM',
  rncpCode: null,
  title: 'Développeur web et web mobile',
  kind: 'PROFESSIONAL_TITLE',
  level: 5,
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
      code: 'TP-DWWM-CCP1',
      title:
        'Développer la partie front-end d’une application web ou web mobile en ' +
        'intégrant les recommandations de sécurité',
      kind: 'CCP',
      competences: [
        'Maquetter une application.',
        'Réaliser une interface utilisateur web statique et adaptable.',
        'Développer une interface utilisateur web dynamique.',
        'Réaliser une interface utilisateur avec une solution de gestion de contenu ou e-commerce.',
      ],
    },
    {
      code: 'TP-DWWM-CCP2',
      title:
        'Développer la partie back-end d’une application web ou web mobile en intégrant ' +
        'les recommandations de sécurité',
      kind: 'CCP',
      competences: [
        'Créer une base de données.',
        'Développer les composants d’accès aux données.',
        'Développer la partie back-end d’une application web ou web mobile.',
        'Elaborer et mettre en œuvre des composants dans une application de gestion de ' +
          'contenu ou e-commerce.',
      ],
    },
  ],
  specializations: [],
  notes: [
    'Numéro RNCP inconnu : la source n’en imprime aucun ; code local TP-DWWM attribué.',
    'Niveau imprimé : III (nomenclature de 1969), soit niveau 5 européen.',
    'Aucun code de CCP imprimé : codes locaux TP-DWWM-CCP1 et TP-DWWM-CCP2 dérivés du code ' +
      'de la certification, dans l’ordre du document.',
    'Aucun code ROME, aucun formacode, aucun SIRET du certificateur et aucune date ' +
      'd’enregistrement imprimés dans la source.',
    'Le renvoi de note « 1 » placé après l’intitulé du titre n’a pas de texte correspondant ' +
      'dans la source (seule la note 2 est imprimée).',
    'Incohérence : texte régi par les arrêtés du 22/12/2015 et du 21/07/2016, mais la ' +
      'recevabilité VAE y est notifiée par la DIRECCTE (aujourd’hui DREETS ; le seed 001, sous ' +
      'les mêmes textes, cite la DREETS). Conservé tel quel ; sans effet sur les données.',
    'CCS : la source décrit les modalités d’obtention d’un CCS mais n’en nomme aucun ; ' +
      'aucune spécialisation chargée.',
    'Capitalisation : « Le candidat peut se présenter aux CCP manquants dans la limite de la ' +
      'durée de validité du titre » (arrêtés du 22/12/2015 et du 21/07/2016).',
    'Entretien final requis : « Afin d’attribuer le titre, un entretien final se déroule en ' +
      'fin de session du dernier CCP, et au vu du livret de certification ».',
    'VAE : « expérience professionnelle d’un an en rapport avec le titre visé ».',
  ],
};
