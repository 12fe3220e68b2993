import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CpfDeposit1796076918527 implements MigrationInterface {
  name = 'CpfDeposit1796076918527';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `cpf_batch` (`idFlux` varchar(50) NOT NULL, `certifierName` varchar(300) NOT NULL, `certifierSiret` varchar(14) NULL, `cpfClientId` varchar(8) NOT NULL, `cpfContractId` varchar(20) NOT NULL, `fileName` varchar(120) NOT NULL, `createdAt` datetime(3) NOT NULL, `passageCount` int NOT NULL, INDEX `ix_cpf_batch_created` (`createdAt`), PRIMARY KEY (`idFlux`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `cpf_passage` (`idFlux` varchar(50) NOT NULL, `credentialId` varchar(36) NOT NULL, `idTechnique` varchar(80) NOT NULL, `status` varchar(10) NOT NULL, `message` varchar(1000) NULL, `processedAt` datetime(3) NULL, INDEX `ix_cpf_passage_status` (`status`), INDEX `ix_cpf_passage_id_technique` (`idTechnique`, `status`), INDEX `ix_cpf_passage_credential` (`credentialId`, `status`), PRIMARY KEY (`idFlux`, `credentialId`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'ALTER TABLE `known_certification` ADD `certifierCpfClientId` varchar(8) NULL',
    );
    await queryRunner.query(
      'ALTER TABLE `known_certification` ADD `certifierCpfContractId` varchar(20) NULL',
    );
    await queryRunner.query('ALTER TABLE `known_candidate` ADD `register` text NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `known_candidate` DROP COLUMN `register`');
    await queryRunner.query(
      'ALTER TABLE `known_certification` DROP COLUMN `certifierCpfContractId`',
    );
    await queryRunner.query('ALTER TABLE `known_certification` DROP COLUMN `certifierCpfClientId`');
    await queryRunner.query('DROP INDEX `ix_cpf_passage_credential` ON `cpf_passage`');
    await queryRunner.query('DROP INDEX `ix_cpf_passage_id_technique` ON `cpf_passage`');
    await queryRunner.query('DROP INDEX `ix_cpf_passage_status` ON `cpf_passage`');
    await queryRunner.query('DROP TABLE `cpf_passage`');
    await queryRunner.query('DROP INDEX `ix_cpf_batch_created` ON `cpf_batch`');
    await queryRunner.query('DROP TABLE `cpf_batch`');
  }
}
