// Source: shared/seeds/003_388c0c0b717297f7.txt
import type { CertificationDraft } from '@certif/referentials-domain';

export const cnamTechnicienDeveloppeur: CertificationDraft = {
  code: 'RNCP28754',
  rncpCode: 'RNCP28754',
  title: 'Technicien(ne) développeur(euse)',
  kind: 'RNCP_CERTIFICATION',
  level: 5,
  nsfCodes: ['326'],
  romeCodes: ['M1805', 'M1810'],
  formacodes: [],
  certifier: {
    name: 'Conservatoire national des arts et métiers (CNAM)',
    siret: null,
  },
  registeredFrom: '2018-08-05',
  registeredUntil: '2021-12-27',
  capitalizationRule: 'UNLIMITED',
  requiresFinalInterview: true,
  vaeMinimumExperienceYears: null,
  // « CONDITIONS D'INSCRIPTION À LA CERTIFICATION »: an X on every row (élève ou étudiant,
  // apprentissage, formation continue, professionnalisation, candidature individuelle, VAE).
  // The table has no row for a discontinuous pathway (a titre professionnel's notion).
  pathways: [
    'INITIAL_TRAINING',
    'APPRENTICESHIP',
    'CONTINUOUS_TRAINING',
    'PROFESSIONALISATION_CONTRACT',
    'INDIVIDUAL_APPLICATION',
    'VAE',
  ],
  // « l'Administrateur général du Cnam ou son représentant, un enseignant du Cnam (le
  // responsable pédagogique du titre ou son représentant), un représentant qualifié des
  // professions concernées par le titre ».
  juryRule: {
    minMembers: 3,
    minProfessionals: 1,
    allProfessionals: false,
    requiredRoles: ['CERTIFIER_REPRESENTATIVE', 'TEACHER', 'PROFESSIONAL'],
  },
  components: [
    {
      code: 'RNCP28754BC01',
      title: 'Développement des applications',
      kind: 'BLOC',
      competences: [
        'Dans un environnement de développement, sur un système donné, choisir et utiliser ' +
          'un langage de programmation pour coder les algorithmes identifiés lors de ' +
          "l'activité précédente, en mettant en œuvre éventuellement des principes objet et " +
          'de la réutilisation de codes.',
        'Créer les bases de données en utilisant un environnement donné (exemple Oracle, MySQL).',
        'Requêter sur la base de données en construisant des requêtes SQL.',
        "Créer les interfaces utilisateurs à l'aide des langages associés (HTML, JavaScript...).",
        "Programmer les interfaces d'entrées-sorties réactives dans le cadre de systèmes " +
          "industriels et mobiles à l'aide d'un langage approprié à l'interaction avec des " +
          'interfaces bas niveau.',
        "Définir des jeux de tests, tester et déboguer l'application créée afin " +
          "d'identifier et corriger les bugs de développement.",
        "Réaliser des synthèses d'information au chef de projet et à l'équipe projet en " +
          "respectant les délais impartis, afin de permettre la recette de l'application et " +
          'la livraison au client.',
      ],
    },
    {
      code: 'RNCP28754BC02',
      title: 'Déploiement sur site et formation des utilisateurs',
      kind: 'BLOC',
      competences: [
        "Identifier, préparer et installer l'environnement système, matériel et logiciel " +
          "nécessaire à l'exécution de l'application.",
        'Concevoir un manuel utilisateur en y intégrant tout les supports développés durant ' +
          "le cycle de vie du logiciel : cahier des charges, document d'analyse " +
          "fonctionnelle, document de conception, document technique et d'installation, afin " +
          "de faciliter la compréhension du fonctionnement de l'application et permettre sa " +
          'maintenance.',
        'Développer des contenus et des supports de formation adaptés au public visé à ' +
          "partir d'outils et de méthodes pédagogiques afin de faciliter la prise en main de " +
          "l'application.",
      ],
    },
    {
      code: 'RNCP28754BC03',
      title: 'Analyse et formalisation des besoins du client',
      kind: 'BLOC',
      competences: [
        "Participer à l'établissement du cahier des charges de l'application informatique " +
          "à développer, en partant de l'analyse des besoins menée par le chef de projet et " +
          "de l'existant afin de formaliser les besoins du client.",
        'Exprimer les besoins identifiés dans le cahier des charges en termes de services ' +
          'attendus par le client. Rechercher, ordonner, caractériser, hiérarchiser ces ' +
          "services afin de structurer l'application à développer.",
        "Exprimer les contraintes, notamment celles liées à l'embarqué, à la mobilité et " +
          "l'accessibilité.",
        'Construire le modèle de données et de flux pour modéliser les données et leurs ' +
          "interactions au sein de l'application.",
        "Analyser les solutions préconisées afin de vérifier qu'elles correspondent aux " +
          "attentes du client et rendre compte au chef de projet et à l'équipe projet avant " +
          'le développement.',
      ],
    },
    {
      code: 'RNCP28754BC04',
      title:
        'Maintien, correction et évolution des applications en fonction des retours des ' +
        'usagers/client',
      kind: 'BLOC',
      competences: [
        "Identifier, diagnostiquer la nature et l'origine des anomalies à l'aide de tests " +
          'et mettre en œuvre les mesures correctives en programmant des codes correctifs.',
        'Intégrer et tester afin de corriger les éventuels bugs liés au correctif et son ' +
          "intégration dans l'application existante.",
      ],
    },
    {
      code: 'RNCP28754BC05',
      title: 'Conception et modélisation des applications informatiques',
      kind: 'BLOC',
      competences: [
        'Concevoir les algorithmes associés aux services identifiés lors de la phase ' +
          'précédente et spécifier les flux de données identifiés au même niveau en utilisant ' +
          'une méthodologie de type UML, MERISE, etc.',
        'Etablir le schéma relationnel de la base de données en utilisant une méthodologie ' +
          'adaptée afin de représenter la structure de la base relationnelle.',
        "A partir du cahier des charges, définir l'interface homme machine en respectant " +
          "les règles de base de l'ergonomie et de l'accessibilité.",
        "Réaliser des synthèses d'information au chef de projet et à l'équipe projet en " +
          'respectant les délais impartis, afin de discuter de la pertinence des choix de ' +
          "conception et de s'assurer de la cohérence du travail effectué.",
      ],
    },
  ],
  specializations: [],
  notes: [
    'Tableau des conditions d’inscription : colonnes « OUINON » fusionnées à l’extraction ; ' +
      'chaque ligne porte une seule croix, lue comme « Oui ».',
    'Jury VAE (deux enseignants du Cnam, deux représentants qualifiés des professions) non ' +
      'modélisé à part : la règle de jury enregistrée est celle des autres voies.',
    'Code RNCP imprimé « Code RNCP : 28754 », normalisé en RNCP28754.',
    'Niveau imprimé : III (Nomenclature de 1969) et 5 (Nomenclature Europe).',
    "Code NSF imprimé « 326 Informatique, traitement de l'information, réseaux de " +
      'transmission » : groupe 326, sans lettre de spécialité.',
    'Rubrique « Formacode(s) » présente mais vide : aucun formacode.',
    'Aucun SIRET du certificateur imprimé.',
    'Codes de blocs non imprimés : la source écrit « Bloc de compétence n°N de la fiche n° ' +
      '28754 » ; codes RNCP28754BC01 à RNCP28754BC05 dérivés de ces deux numéros.',
    'Compétences des blocs : phrases du « Descriptif » de chaque bloc, découpées selon les ' +
      "séparateurs de la source (modalités d'évaluation non chargées). Point final retiré des " +
      "intitulés des blocs 3, 4 et 5 ; espace parasite retirée dans « d' outils ».",
    'La numérotation des blocs ne suit pas celle des activités (activité 1 = bloc 3, 2 = ' +
      "bloc 5, 3 = bloc 1, 4 = bloc 2, 5 = bloc 4) ; blocs chargés dans l'ordre du document.",
    "Période d'enregistrement retenue : la plus récente imprimée (arrêté du 27/12/2018, JO " +
      "du 04/01/2019), « avec effet au 05 août 2018, jusqu'au 27 décembre 2021 ».",
    'Incohérence : cet enregistrement est dit « pour 3 ans » mais court du 05/08/2018 au ' +
      "27/12/2021 ; de même l'enregistrement « pour un an » du 28/07/2017 court jusqu'au " +
      '05/08/2018.',
    'Enregistrements antérieurs imprimés : du 24/10/2006 au 24/10/2011 (arrêté du ' +
      "02/10/2006), du 28/07/2017 au 05/08/2018 (arrêté du 28/07/2017) ; rien d'imprimé entre " +
      '2011 et 2017 ; homologation de droit par arrêté du 8 avril 1981.',
    'Capitalisation : « Validité des composantes acquises : illimitée ».',
    "Étape finale requise : « La validation de l'intégralité des blocs de compétences et " +
      "l'évaluation individuelle (rapport, soutenance, ...) d'une mise en situation ou " +
      "d'une expérience en milieu professionnel donnent lieu à la délivrance de la " +
      'certification ».',
    'VAE (« Par expérience dispositif VAE prévu en 2010 ») ouverte, sans durée minimale ' +
      "d'expérience imprimée.",
    'Certification précédente : « Analyste programmeur » (aucun code imprimé).',
  ],
};
