import { statementMigration } from '@certif/platform-migrations';

export const CandidateRegisterData1796074575292 = statementMigration(
  'CandidateRegisterData1796074575292',
  {
    up: [
      'ALTER TABLE `candidate` ADD `sex` varchar(1) NULL',
      'ALTER TABLE `candidate` ADD `birthName` varchar(100) NULL',
      'ALTER TABLE `candidate` ADD `birthInseeCode` varchar(5) NULL',
      'ALTER TABLE `candidate` ADD `birthPostalCode` varchar(9) NULL',
      'ALTER TABLE `candidate` ADD `birthCity` varchar(60) NULL',
      'ALTER TABLE `candidate` ADD `birthCountryCode` varchar(3) NULL',
      'ALTER TABLE `candidate` ADD `birthCountry` varchar(60) NULL',
    ],
    down: [
      'ALTER TABLE `candidate` DROP COLUMN `birthCountry`',
      'ALTER TABLE `candidate` DROP COLUMN `birthCountryCode`',
      'ALTER TABLE `candidate` DROP COLUMN `birthCity`',
      'ALTER TABLE `candidate` DROP COLUMN `birthPostalCode`',
      'ALTER TABLE `candidate` DROP COLUMN `birthInseeCode`',
      'ALTER TABLE `candidate` DROP COLUMN `birthName`',
      'ALTER TABLE `candidate` DROP COLUMN `sex`',
    ],
  },
);
