// Source: shared/seeds/002_3a489026b9703e04.txt
import {
  FRAME_NOTES,
  titreProfessionnelDuTravail,
  UNPRINTED_FIELDS_NOTES,
} from './titre-professionnel';

export const developpeurWebWebMobile = titreProfessionnelDuTravail({
  code: 'TP-DWWM',
  title: 'Développeur web et web mobile',
  level: 5,
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
  notes: [
    'Numéro RNCP inconnu : la source n’en imprime aucun ; code local TP-DWWM attribué.',
    'Niveau imprimé : III (nomenclature de 1969), soit niveau 5 européen.',
    'Aucun code de CCP imprimé : codes locaux TP-DWWM-CCP1 et TP-DWWM-CCP2 dérivés du code ' +
      'de la certification, dans l’ordre du document.',
    ...UNPRINTED_FIELDS_NOTES,
    'Incohérence : texte régi par les arrêtés du 22/12/2015 et du 21/07/2016, mais la ' +
      'recevabilité VAE y est notifiée par la DIRECCTE (aujourd’hui DREETS ; le seed 001, sous ' +
      'les mêmes textes, cite la DREETS). Conservé tel quel ; sans effet sur les données.',
    ...FRAME_NOTES,
    'VAE : « expérience professionnelle d’un an en rapport avec le titre visé ».',
  ],
});
