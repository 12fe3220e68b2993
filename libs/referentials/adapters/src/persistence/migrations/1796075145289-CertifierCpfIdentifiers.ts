import { statementMigration } from '@certif/platform-migrations';

export const CertifierCpfIdentifiers1796075145289 = statementMigration(
  'CertifierCpfIdentifiers1796075145289',
  {
    up: [
      'ALTER TABLE `certification` ADD `certifierCpfClientId` varchar(8) NULL',
      'ALTER TABLE `certification` ADD `certifierCpfContractId` varchar(20) NULL',
    ],
    down: [
      'ALTER TABLE `certification` DROP COLUMN `certifierCpfContractId`',
      'ALTER TABLE `certification` DROP COLUMN `certifierCpfClientId`',
    ],
  },
);
