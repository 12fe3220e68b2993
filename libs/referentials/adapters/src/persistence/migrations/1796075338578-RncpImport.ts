import { statementMigration } from '@certif/platform-migrations';

export const RncpImport1796075338578 = statementMigration('RncpImport1796075338578', {
  up: [
    'ALTER TABLE `certification` ADD `importedFrom` varchar(20) NULL',
    'ALTER TABLE `certification` ADD `importFingerprint` varchar(64) NULL',
  ],
  down: [
    'ALTER TABLE `certification` DROP COLUMN `importFingerprint`',
    'ALTER TABLE `certification` DROP COLUMN `importedFrom`',
  ],
});
