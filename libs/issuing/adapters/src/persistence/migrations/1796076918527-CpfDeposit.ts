import { statementMigration } from '@certif/platform-migrations';

export const CpfDeposit1796076918527 = statementMigration('CpfDeposit1796076918527', {
  up: [
    'CREATE TABLE `cpf_batch` (`idFlux` varchar(50) NOT NULL, `certifierName` varchar(300) NOT NULL, `certifierSiret` varchar(14) NULL, `cpfClientId` varchar(8) NOT NULL, `cpfContractId` varchar(20) NOT NULL, `fileName` varchar(120) NOT NULL, `createdAt` datetime(3) NOT NULL, `passageCount` int NOT NULL, INDEX `ix_cpf_batch_created` (`createdAt`), PRIMARY KEY (`idFlux`)) ENGINE=InnoDB',
    'CREATE TABLE `cpf_passage` (`idFlux` varchar(50) NOT NULL, `credentialId` varchar(36) NOT NULL, `idTechnique` varchar(80) NOT NULL, `status` varchar(10) NOT NULL, `message` varchar(1000) NULL, `processedAt` datetime(3) NULL, INDEX `ix_cpf_passage_status` (`status`), INDEX `ix_cpf_passage_id_technique` (`idTechnique`, `status`), INDEX `ix_cpf_passage_credential` (`credentialId`, `status`), PRIMARY KEY (`idFlux`, `credentialId`)) ENGINE=InnoDB',
    'ALTER TABLE `known_certification` ADD `certifierCpfClientId` varchar(8) NULL',
    'ALTER TABLE `known_certification` ADD `certifierCpfContractId` varchar(20) NULL',
    'ALTER TABLE `known_candidate` ADD `register` text NULL',
  ],
  down: [
    'ALTER TABLE `known_candidate` DROP COLUMN `register`',
    'ALTER TABLE `known_certification` DROP COLUMN `certifierCpfContractId`',
    'ALTER TABLE `known_certification` DROP COLUMN `certifierCpfClientId`',
    'DROP INDEX `ix_cpf_passage_credential` ON `cpf_passage`',
    'DROP INDEX `ix_cpf_passage_id_technique` ON `cpf_passage`',
    'DROP INDEX `ix_cpf_passage_status` ON `cpf_passage`',
    'DROP TABLE `cpf_passage`',
    'DROP INDEX `ix_cpf_batch_created` ON `cpf_batch`',
    'DROP TABLE `cpf_batch`',
  ],
});
