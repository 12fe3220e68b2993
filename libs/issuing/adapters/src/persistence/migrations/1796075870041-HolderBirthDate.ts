import { statementMigration } from '@certif/platform-migrations';

export const HolderBirthDate1796075870041 = statementMigration('HolderBirthDate1796075870041', {
  up: ['ALTER TABLE `known_candidate` ADD `birthDate` date NULL'],
  down: ['ALTER TABLE `known_candidate` DROP COLUMN `birthDate`'],
});
