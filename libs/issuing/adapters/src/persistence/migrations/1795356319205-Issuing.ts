import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Issuing1795356319205 implements MigrationInterface {
  name = 'Issuing1795356319205';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `known_certification` (`id` varchar(36) NOT NULL, `version` int NOT NULL, `code` varchar(40) NOT NULL, `rncpCode` varchar(20) NULL, `title` varchar(300) NOT NULL, `kind` varchar(30) NOT NULL, `level` int NOT NULL, `certifierName` varchar(300) NOT NULL, `certifierSiret` varchar(14) NULL, `registeredFrom` date NULL, `registeredUntil` date NULL, `capitalizationRule` varchar(40) NOT NULL, `requiresFinalInterview` tinyint NOT NULL, `revisesId` varchar(36) NULL, `revisedById` varchar(36) NULL, `components` text NOT NULL, `specializations` text NOT NULL, `correspondences` text NOT NULL, INDEX `ix_known_certification_revised_by` (`revisedById`), INDEX `ix_known_certification_revises` (`revisesId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `known_candidate` (`id` varchar(36) NOT NULL, `firstName` varchar(200) NOT NULL, `lastName` varchar(200) NOT NULL, `erasedAt` varchar(40) NULL, `version` int NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `acquired_component` (`decisionId` varchar(36) NOT NULL, `componentId` varchar(36) NOT NULL, `candidateId` varchar(36) NOT NULL, `certificationId` varchar(36) NOT NULL, `sessionId` varchar(36) NULL, `acquiredOn` date NOT NULL, `recordedAt` datetime(3) NOT NULL, INDEX `ix_acquired_component_certification` (`certificationId`), INDEX `ix_acquired_component_candidate` (`candidateId`), PRIMARY KEY (`decisionId`, `componentId`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `title_decision` (`decisionId` varchar(36) NOT NULL, `candidateId` varchar(36) NOT NULL, `certificationId` varchar(36) NOT NULL, `sessionId` varchar(36) NULL, `decidedOn` date NOT NULL, `outcome` varchar(30) NOT NULL, `finalInterviewPassed` tinyint NOT NULL, `scope` varchar(20) NOT NULL, `specializationId` varchar(36) NULL, `recordedAt` datetime(3) NOT NULL, INDEX `ix_title_decision_certification` (`certificationId`), INDEX `ix_title_decision_candidate` (`candidateId`), PRIMARY KEY (`decisionId`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `livret` (`id` varchar(36) NOT NULL, `candidateId` varchar(36) NOT NULL, `lineageRootId` varchar(36) NOT NULL, `certificationId` varchar(36) NOT NULL, `status` varchar(20) NOT NULL, `capitalizationDeadline` date NULL, `lapsesAfter` date NULL, `version` int NOT NULL, `updatedAt` datetime(3) NOT NULL, INDEX `ix_livret_lapse` (`status`, `lapsesAfter`), UNIQUE INDEX `uq_livret_candidate_lineage` (`candidateId`, `lineageRootId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `credential` (`id` varchar(36) NOT NULL, `number` varchar(80) NOT NULL, `candidateId` varchar(36) NOT NULL, `lineageRootId` varchar(36) NOT NULL, `certificationId` varchar(36) NOT NULL, `specializationId` varchar(36) NULL, `specializationKey` varchar(40) NOT NULL, `verificationCode` varchar(64) NOT NULL, `issuedOn` date NOT NULL, `issuedAt` datetime(3) NOT NULL, `status` varchar(10) NOT NULL, `content` text NOT NULL, `revokedAt` datetime(3) NULL, `revokedBy` varchar(200) NULL, `revocationReason` varchar(1000) NULL, UNIQUE INDEX `uq_credential_one_per_lineage` (`candidateId`, `lineageRootId`, `specializationKey`), UNIQUE INDEX `uq_credential_verification_code` (`verificationCode`), UNIQUE INDEX `uq_credential_number` (`number`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `credential_counter` (`prefix` varchar(80) NOT NULL, `lastValue` int NOT NULL, PRIMARY KEY (`prefix`)) ENGINE=InnoDB',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `credential_counter`');
    await queryRunner.query('DROP INDEX `uq_credential_number` ON `credential`');
    await queryRunner.query('DROP INDEX `uq_credential_verification_code` ON `credential`');
    await queryRunner.query('DROP INDEX `uq_credential_one_per_lineage` ON `credential`');
    await queryRunner.query('DROP TABLE `credential`');
    await queryRunner.query('DROP INDEX `uq_livret_candidate_lineage` ON `livret`');
    await queryRunner.query('DROP INDEX `ix_livret_lapse` ON `livret`');
    await queryRunner.query('DROP TABLE `livret`');
    await queryRunner.query('DROP INDEX `ix_title_decision_candidate` ON `title_decision`');
    await queryRunner.query('DROP INDEX `ix_title_decision_certification` ON `title_decision`');
    await queryRunner.query('DROP TABLE `title_decision`');
    await queryRunner.query('DROP INDEX `ix_acquired_component_candidate` ON `acquired_component`');
    await queryRunner.query(
      'DROP INDEX `ix_acquired_component_certification` ON `acquired_component`',
    );
    await queryRunner.query('DROP TABLE `acquired_component`');
    await queryRunner.query('DROP TABLE `known_candidate`');
    await queryRunner.query('DROP INDEX `ix_known_certification_revises` ON `known_certification`');
    await queryRunner.query(
      'DROP INDEX `ix_known_certification_revised_by` ON `known_certification`',
    );
    await queryRunner.query('DROP TABLE `known_certification`');
  }
}
