import { statementMigration } from '@certif/platform-migrations';

export const CredentialObtainedOn1796074307578 = statementMigration(
  'CredentialObtainedOn1796074307578',
  {
    up: [
      // Parchemins issued before this column existed do not record the date of their completing
      // decision: they keep their issue date, the only date they ever stated.
      'ALTER TABLE `credential` ADD `obtainedOn` date NULL',
      'UPDATE `credential` SET `obtainedOn` = `issuedOn`',
      'ALTER TABLE `credential` MODIFY `obtainedOn` date NOT NULL',
    ],
    down: ['ALTER TABLE `credential` DROP COLUMN `obtainedOn`'],
  },
);
