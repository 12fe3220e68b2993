import { statementMigration } from '@certif/platform-migrations';

export const Referentials1795354138244 = statementMigration('Referentials1795354138244', {
  up: [
    'CREATE TABLE `certification` (`id` varchar(36) NOT NULL, `code` varchar(40) NOT NULL, `rncpCode` varchar(20) NULL, `title` varchar(300) NOT NULL, `kind` varchar(30) NOT NULL, `level` int NOT NULL, `nsfCodes` text NOT NULL, `romeCodes` text NOT NULL, `formacodes` text NOT NULL, `certifierName` varchar(300) NOT NULL, `certifierSiret` varchar(14) NULL, `registeredFrom` date NULL, `registeredUntil` date NULL, `capitalizationRule` varchar(40) NOT NULL, `requiresFinalInterview` tinyint NOT NULL, `vaeMinimumExperienceYears` double NULL, `publishedAt` datetime(3) NULL, `revisesId` varchar(36) NULL, `revisedById` varchar(36) NULL, `correspondences` text NOT NULL, `notes` text NOT NULL, `searchText` varchar(700) NOT NULL, `certifierSearch` varchar(300) NOT NULL, `version` int NOT NULL, UNIQUE INDEX `uq_certification_code` (`code`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    'CREATE TABLE `component` (`id` varchar(36) NOT NULL, `certificationId` varchar(36) NOT NULL, `code` varchar(40) NOT NULL, `title` varchar(500) NOT NULL, `kind` varchar(10) NOT NULL, `position` int NOT NULL, `competences` text NOT NULL, INDEX `ix_component_certification` (`certificationId`, `position`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    'CREATE TABLE `specialization` (`id` varchar(36) NOT NULL, `certificationId` varchar(36) NOT NULL, `code` varchar(40) NOT NULL, `title` varchar(300) NOT NULL, INDEX `ix_specialization_certification` (`certificationId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
  ],
  down: [
    'DROP INDEX `ix_specialization_certification` ON `specialization`',
    'DROP TABLE `specialization`',
    'DROP INDEX `ix_component_certification` ON `component`',
    'DROP TABLE `component`',
    'DROP INDEX `uq_certification_code` ON `certification`',
    'DROP TABLE `certification`',
  ],
});
