import { statementMigration } from '@certif/platform-migrations';

export const KnownCertificationPathways1796075014522 = statementMigration(
  'KnownCertificationPathways1796075014522',
  {
    up: ['ALTER TABLE `known_certification` ADD `pathways` text NULL'],
    down: ['ALTER TABLE `known_certification` DROP COLUMN `pathways`'],
  },
);
