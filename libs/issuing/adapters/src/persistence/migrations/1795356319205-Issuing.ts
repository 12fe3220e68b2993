import { statementMigration } from '@certif/platform-migrations';

export const Issuing1795356319205 = statementMigration('Issuing1795356319205', {
  up: [
    'CREATE TABLE `known_certification` (`id` varchar(36) NOT NULL, `version` int NOT NULL, `code` varchar(40) NOT NULL, `rncpCode` varchar(20) NULL, `title` varchar(300) NOT NULL, `kind` varchar(30) NOT NULL, `level` int NOT NULL, `certifierName` varchar(300) NOT NULL, `certifierSiret` varchar(14) NULL, `registeredFrom` date NULL, `registeredUntil` date NULL, `capitalizationRule` varchar(40) NOT NULL, `requiresFinalInterview` tinyint NOT NULL, `revisesId` varchar(36) NULL, `revisedById` varchar(36) NULL, `components` text NOT NULL, `specializations` text NOT NULL, `correspondences` text NOT NULL, INDEX `ix_known_certification_revised_by` (`revisedById`), INDEX `ix_known_certification_revises` (`revisesId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    'CREATE TABLE `known_candidate` (`id` varchar(36) NOT NULL, `firstName` varchar(200) NOT NULL, `lastName` varchar(200) NOT NULL, `erasedAt` varchar(40) NULL, `version` int NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB',
    'CREATE TABLE `acquired_component` (`decisionId` varchar(36) NOT NULL, `componentId` varchar(36) NOT NULL, `candidateId` varchar(36) NOT NULL, `certificationId` varchar(36) NOT NULL, `sessionId` varchar(36) NULL, `acquiredOn` date NOT NULL, `recordedAt` datetime(3) NOT NULL, INDEX `ix_acquired_component_certification` (`certificationId`), INDEX `ix_acquired_component_candidate` (`candidateId`), PRIMARY KEY (`decisionId`, `componentId`)) ENGINE=InnoDB',
    'CREATE TABLE `title_decision` (`decisionId` varchar(36) NOT NULL, `candidateId` varchar(36) NOT NULL, `certificationId` varchar(36) NOT NULL, `sessionId` varchar(36) NULL, `decidedOn` date NOT NULL, `outcome` varchar(30) NOT NULL, `finalInterviewPassed` tinyint NOT NULL, `scope` varchar(20) NOT NULL, `specializationId` varchar(36) NULL, `recordedAt` datetime(3) NOT NULL, INDEX `ix_title_decision_certification` (`certificationId`), INDEX `ix_title_decision_candidate` (`candidateId`), PRIMARY KEY (`decisionId`)) ENGINE=InnoDB',
    'CREATE TABLE `livret` (`id` varchar(36) NOT NULL, `candidateId` varchar(36) NOT NULL, `lineageRootId` varchar(36) NOT NULL, `certificationId` varchar(36) NOT NULL, `status` varchar(20) NOT NULL, `capitalizationDeadline` date NULL, `lapsesAfter` date NULL, `version` int NOT NULL, `updatedAt` datetime(3) NOT NULL, INDEX `ix_livret_lapse` (`status`, `lapsesAfter`), UNIQUE INDEX `uq_livret_candidate_lineage` (`candidateId`, `lineageRootId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    'CREATE TABLE `credential` (`id` varchar(36) NOT NULL, `number` varchar(80) NOT NULL, `candidateId` varchar(36) NOT NULL, `lineageRootId` varchar(36) NOT NULL, `certificationId` varchar(36) NOT NULL, `specializationId` varchar(36) NULL, `specializationKey` varchar(40) NOT NULL, `verificationCode` varchar(64) NOT NULL, `issuedOn` date NOT NULL, `issuedAt` datetime(3) NOT NULL, `status` varchar(10) NOT NULL, `content` text NOT NULL, `revokedAt` datetime(3) NULL, `revokedBy` varchar(200) NULL, `revocationReason` varchar(1000) NULL, UNIQUE INDEX `uq_credential_one_per_lineage` (`candidateId`, `lineageRootId`, `specializationKey`), UNIQUE INDEX `uq_credential_verification_code` (`verificationCode`), UNIQUE INDEX `uq_credential_number` (`number`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    'CREATE TABLE `credential_counter` (`prefix` varchar(80) NOT NULL, `lastValue` int NOT NULL, PRIMARY KEY (`prefix`)) ENGINE=InnoDB',
  ],
  down: [
    'DROP TABLE `credential_counter`',
    'DROP INDEX `uq_credential_number` ON `credential`',
    'DROP INDEX `uq_credential_verification_code` ON `credential`',
    'DROP INDEX `uq_credential_one_per_lineage` ON `credential`',
    'DROP TABLE `credential`',
    'DROP INDEX `uq_livret_candidate_lineage` ON `livret`',
    'DROP INDEX `ix_livret_lapse` ON `livret`',
    'DROP TABLE `livret`',
    'DROP INDEX `ix_title_decision_candidate` ON `title_decision`',
    'DROP INDEX `ix_title_decision_certification` ON `title_decision`',
    'DROP TABLE `title_decision`',
    'DROP INDEX `ix_acquired_component_candidate` ON `acquired_component`',
    'DROP INDEX `ix_acquired_component_certification` ON `acquired_component`',
    'DROP TABLE `acquired_component`',
    'DROP TABLE `known_candidate`',
    'DROP INDEX `ix_known_certification_revises` ON `known_certification`',
    'DROP INDEX `ix_known_certification_revised_by` ON `known_certification`',
    'DROP TABLE `known_certification`',
  ],
});
