import { statementMigration } from '@certif/platform-migrations';

export const Candidates1795356048254 = statementMigration('Candidates1795356048254', {
  up: [
    'CREATE TABLE `candidate` (`id` varchar(36) NOT NULL, `firstName` varchar(100) NOT NULL, `lastName` varchar(100) NOT NULL, `birthDate` date NULL, `email` varchar(254) NULL, `accommodations` text NOT NULL, `searchText` varchar(210) NOT NULL, `sortLastName` varchar(100) NOT NULL, `sortFirstName` varchar(100) NOT NULL, `registeredAt` datetime(3) NOT NULL, `erasedAt` datetime(3) NULL, `version` int NOT NULL, INDEX `ix_candidate_order` (`sortLastName`, `sortFirstName`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    'CREATE TABLE `enrollment` (`id` varchar(36) NOT NULL, `candidateId` varchar(36) NOT NULL, `certificationId` varchar(36) NOT NULL, `pathway` varchar(40) NOT NULL, `startedOn` date NOT NULL, `trainingCenter` varchar(200) NULL, `status` varchar(20) NOT NULL, `enrolledAt` datetime(3) NOT NULL, `vaeNoticeNumber` varchar(100) NULL, `vaeIssuedOn` date NULL, `vaeIssuedBy` varchar(200) NULL, `vaeExperienceYears` double NULL, `vaeRequiredExperienceYears` double NULL, `vaeRecordedAt` datetime(3) NULL, INDEX `ix_enrollment_candidate` (`candidateId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    'CREATE TABLE `known_certification` (`id` varchar(36) NOT NULL, `code` varchar(40) NOT NULL, `title` varchar(300) NOT NULL, `published` tinyint NOT NULL, `registeredFrom` date NULL, `registeredUntil` date NULL, `revisesId` varchar(36) NULL, `revisedById` varchar(36) NULL, `vaeMinimumExperienceYears` double NULL, `version` int NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB',
  ],
  down: [
    'DROP TABLE `known_certification`',
    'DROP INDEX `ix_enrollment_candidate` ON `enrollment`',
    'DROP TABLE `enrollment`',
    'DROP INDEX `ix_candidate_order` ON `candidate`',
    'DROP TABLE `candidate`',
  ],
});
