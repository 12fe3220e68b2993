import { statementMigration } from '@certif/platform-migrations';

export const DecisionCorrectionsAndJuryRule1796075574287 = statementMigration(
  'DecisionCorrectionsAndJuryRule1796075574287',
  {
    up: [
      "ALTER TABLE `jury_decision` ADD `sequence` int NOT NULL DEFAULT '1'",
      'ALTER TABLE `jury_decision` ADD `supersedesId` varchar(36) NULL',
      'ALTER TABLE `jury_decision` ADD `supersededById` varchar(36) NULL',
      'ALTER TABLE `jury_decision` ADD `correctionReason` varchar(1000) NULL',
      'ALTER TABLE `jury_decision` ADD `correctedOn` date NULL',
      'ALTER TABLE `rm_certification` ADD `juryRule` text NULL',
      // The new unique index before the old one goes: one decision per registration and sequence
      // (existing decisions are sequence 1), so a second deliberation stays refused throughout.
      'CREATE UNIQUE INDEX `uq_jury_decision_registration_sequence` ON `jury_decision` (`registrationId`, `sequence`)',
      'DROP INDEX `uq_jury_decision_registration` ON `jury_decision`',
    ],
    down: [
      'DROP INDEX `uq_jury_decision_registration_sequence` ON `jury_decision`',
      'ALTER TABLE `rm_certification` DROP COLUMN `juryRule`',
      'ALTER TABLE `jury_decision` DROP COLUMN `correctedOn`',
      'ALTER TABLE `jury_decision` DROP COLUMN `correctionReason`',
      'ALTER TABLE `jury_decision` DROP COLUMN `supersededById`',
      'ALTER TABLE `jury_decision` DROP COLUMN `supersedesId`',
      'ALTER TABLE `jury_decision` DROP COLUMN `sequence`',
      'CREATE UNIQUE INDEX `uq_jury_decision_registration` ON `jury_decision` (`registrationId`)',
    ],
  },
);
