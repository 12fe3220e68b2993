// Source: shared/seeds/001_3683f5b565e1ae65.txt
import {
  FRAME_NOTES,
  titreProfessionnelDuTravail,
  UNPRINTED_FIELDS_NOTES,
} from './titre-professionnel';

export const concepteurDeveloppeurApplications = titreProfessionnelDuTravail({
  code: 'TP-CDA',
  title: 'Concepteur développeur d’applications',
  level: 6,
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
  notes: [
    'Numéro RNCP inconnu : la source n’en imprime aucun ; code local TP-CDA attribué.',
    'Aucun code de CCP imprimé : codes locaux TP-CDA-CCP1 à TP-CDA-CCP3 dérivés du code de ' +
      'la certification, dans l’ordre du document.',
    ...UNPRINTED_FIELDS_NOTES,
    ...FRAME_NOTES,
    'VAE : « expérience professionnelle d’un an en rapport avec le titre visé », ' +
      'recevabilité notifiée par la DREETS.',
  ],
});
