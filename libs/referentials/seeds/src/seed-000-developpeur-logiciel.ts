// Source: shared/seeds/000_b320c2ff9593dc10.txt
import { PATHWAYS, type CertificationDraft } from '@certif/referentials-domain';

export const developpeurLogiciel: CertificationDraft = {
  code: 'TP-DL',
  rncpCode: null,
  title: 'Développeur(se) logiciel',
  kind: 'PROFESSIONAL_TITLE',
  level: 5,
  nsfCodes: ['326t'],
  romeCodes: ['M1805'],
  formacodes: [],
  certifier: {
    name: 'Ministère chargé de l’emploi',
    siret: null,
  },
  registeredFrom: null,
  registeredUntil: null,
  capitalizationRule: 'FIVE_YEARS_FROM_FIRST_COMPONENT',
  requiresFinalInterview: true,
  vaeMinimumExperienceYears: 3,
  // Every access route: the fiche describes training, VAE and the discontinuous pathway and closes none.
  pathways: [...PATHWAYS],
  // R8: « évalué par un binôme d’évaluateurs composé d’un professionnel et d’un formateur de la
  // spécialité » (rules of 2006/2009).
  juryRule: {
    minMembers: 2,
    minProfessionals: 1,
    allProfessionals: false,
    requiredRoles: ['PROFESSIONAL', 'TRAINER'],
  },
  components: [
    {
      code: 'TP-DL-CCP1',
      title: 'Développer une application client-serveur',
      kind: 'CCP',
      competences: [
        'Maquetter une application.',
        'Concevoir une base de données.',
        'Mettre en place une base de données.',
        'Développer une interface utilisateur.',
        'Développer des composants d’accès aux données.',
      ],
    },
    {
      code: 'TP-DL-CCP2',
      title: 'Développer une application web',
      kind: 'CCP',
      competences: [
        'Développer des pages web en lien avec une base de données.',
        'Mettre en œuvre une solution de gestion de contenu ou e-commerce.',
        'Développer une application simple de mobilité numérique.',
        'Utiliser l’anglais dans son activité professionnelle en informatique.',
      ],
    },
  ],
  specializations: [],
  notes: [
    'Numéro RNCP inconnu : la source n’en imprime aucun ; code local TP-DL attribué.',
    'Niveau imprimé : III (nomenclature de 1969), soit niveau 5 européen.',
    'Intitulés imprimés en majuscules (« DEVELOPPEUR(SE) LOGICIEL », « CCP - DEVELOPPER UNE ' +
      'APPLICATION CLIENT-SERVEUR », « CCP - DEVELOPPER UNE APPLICATION WEB », « MINISTERE ' +
      'CHARGE DE L’EMPLOI ») ; casse et accents normalisés.',
    'Code NSF imprimé « 326 t », normalisé en « 326t ».',
    'Aucun code de CCP imprimé : codes locaux TP-DL-CCP1 et TP-DL-CCP2 dérivés du code de la ' +
      'certification, dans l’ordre du document.',
    'Aucun formacode, aucun SIRET du certificateur et aucune date d’enregistrement imprimés ' +
      'dans la source.',
    'Le renvoi de note « 1 » placé après l’intitulé du titre n’a pas de texte correspondant ' +
      'dans la source (seule la note 2 est imprimée).',
    'Incohérence : le texte annonce deux activités types puis écrit « A cette activité type ' +
      'correspond un Certificat de Compétences Professionnelles » (au singulier).',
    'CCS : la source décrit les modalités d’obtention d’un CCS mais n’en nomme aucun ; ' +
      'aucune spécialisation chargée.',
    'Capitalisation : « Le candidat dispose ensuite de cinq ans, à partir de la date ' +
      'd’obtention du premier CCP, pour capitaliser tous les CCP » (arrêtés du 09/03/2006 et ' +
      'du 06/03/2009).',
    'Entretien final (choix : requis). Parcours discontinu : « Après obtention de tous les ' +
      'CCP du titre visé le jury de professionnels conduit un entretien avec le candidat en ' +
      'vue d’attribuer le titre ». Après une réussite partielle (formation ou VAE), le jury « ' +
      'peut, s’il le souhaite, convoquer le candidat à un nouvel entretien ». Dans les deux ' +
      'cas le titre est attribué par le jury, pas délivré sur la seule détention des CCP ; la ' +
      'voie de capitalisation impose l’entretien, d’où requiresFinalInterview = true.',
  ],
};
