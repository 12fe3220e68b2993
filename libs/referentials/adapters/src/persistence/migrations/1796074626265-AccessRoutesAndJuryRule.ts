import { statementMigration } from '@certif/platform-migrations';

export const AccessRoutesAndJuryRule1796074626265 = statementMigration(
  'AccessRoutesAndJuryRule1796074626265',
  {
    up: [
      'ALTER TABLE `certification` ADD `pathways` text NULL',
      'ALTER TABLE `certification` ADD `juryRule` text NULL',
      // Seed certifications loaded before this migration get their fiche's rule and access routes
      // (null reads as the defaults: every route, the kind's jury rule). TP-CDA and TP-DWWM are the
      // defaults already.
      [
        'UPDATE `certification` SET `juryRule` = ? WHERE `code` = ? AND `juryRule` IS NULL',
        [
          '{"minMembers":2,"minProfessionals":1,"allProfessionals":false,"requiredRoles":["PROFESSIONAL","TRAINER"]}',
          'TP-DL',
        ],
      ],
      [
        'UPDATE `certification` SET `juryRule` = ? WHERE `code` = ? AND `juryRule` IS NULL',
        [
          '{"minMembers":3,"minProfessionals":1,"allProfessionals":false,"requiredRoles":["CERTIFIER_REPRESENTATIVE","TEACHER","PROFESSIONAL"]}',
          'RNCP28754',
        ],
      ],
      [
        'UPDATE `certification` SET `pathways` = ? WHERE `code` = ? AND `pathways` IS NULL',
        [
          '["INITIAL_TRAINING","APPRENTICESHIP","CONTINUOUS_TRAINING","PROFESSIONALISATION_CONTRACT","INDIVIDUAL_APPLICATION","VAE"]',
          'RNCP28754',
        ],
      ],
      [
        'UPDATE `certification` SET `juryRule` = ? WHERE `code` = ? AND `juryRule` IS NULL',
        [
          '{"minMembers":3,"minProfessionals":2,"allProfessionals":false,"requiredRoles":[]}',
          'RNCP36912',
        ],
      ],
      [
        'UPDATE `certification` SET `pathways` = ? WHERE `code` = ? AND `pathways` IS NULL',
        [
          '["INITIAL_TRAINING","APPRENTICESHIP","CONTINUOUS_TRAINING","PROFESSIONALISATION_CONTRACT","VAE"]',
          'RNCP36912',
        ],
      ],
    ],
    down: [
      'ALTER TABLE `certification` DROP COLUMN `juryRule`',
      'ALTER TABLE `certification` DROP COLUMN `pathways`',
    ],
  },
);
