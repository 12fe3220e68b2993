import { statementMigration } from '@certif/platform-migrations';

export const Sessions1795356011088 = statementMigration('Sessions1795356011088', {
  up: [
    'CREATE TABLE `exam_session` (`id` varchar(36) NOT NULL, `certificationId` varchar(36) NOT NULL, `scope` varchar(20) NOT NULL, `componentIds` text NOT NULL, `specializationId` varchar(36) NULL, `center` varchar(200) NOT NULL, `startsOn` date NOT NULL, `endsOn` date NOT NULL, `capacity` int NULL, `status` varchar(20) NOT NULL, `plannedAt` datetime(3) NOT NULL, `deliberatedAt` datetime(3) NULL, `version` int NOT NULL, INDEX `ix_exam_session_certification` (`certificationId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    'CREATE TABLE `juror` (`id` varchar(36) NOT NULL, `sessionId` varchar(36) NOT NULL, `userId` varchar(100) NOT NULL, `name` varchar(200) NOT NULL, `role` varchar(30) NOT NULL, UNIQUE INDEX `uq_juror_session_user` (`sessionId`, `userId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    'CREATE TABLE `registration` (`id` varchar(36) NOT NULL, `sessionId` varchar(36) NOT NULL, `enrollmentId` varchar(36) NOT NULL, `candidateId` varchar(36) NOT NULL, `certificationId` varchar(36) NOT NULL, `registeredAt` datetime(3) NOT NULL, UNIQUE INDEX `uq_registration_session_candidate` (`sessionId`, `candidateId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    'CREATE TABLE `jury_decision` (`id` varchar(36) NOT NULL, `registrationId` varchar(36) NOT NULL, `sessionId` varchar(36) NOT NULL, `candidateId` varchar(36) NOT NULL, `enrollmentId` varchar(36) NOT NULL, `certificationId` varchar(36) NOT NULL, `outcome` varchar(20) NOT NULL, `awardedComponentIds` text NOT NULL, `finalInterviewPassed` tinyint NULL, `decidedOn` date NOT NULL, `recordedAt` datetime(3) NOT NULL, `recordedBy` varchar(100) NOT NULL, INDEX `ix_jury_decision_candidate` (`candidateId`, `certificationId`), UNIQUE INDEX `uq_jury_decision_registration` (`registrationId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    'CREATE TABLE `rm_certification` (`id` varchar(36) NOT NULL, `code` varchar(40) NOT NULL, `title` varchar(300) NOT NULL, `kind` varchar(30) NOT NULL, `status` varchar(20) NOT NULL, `registeredFrom` date NULL, `registeredUntil` date NULL, `requiresFinalInterview` tinyint NOT NULL, `components` text NOT NULL, `specializations` text NOT NULL, `revisesId` varchar(36) NULL, `revisedById` varchar(36) NULL, `correspondences` text NOT NULL, `version` int NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB',
    'CREATE TABLE `rm_candidate` (`id` varchar(36) NOT NULL, `firstName` varchar(300) NOT NULL, `lastName` varchar(300) NOT NULL, `erasedAt` varchar(40) NULL, `version` int NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB',
    'CREATE TABLE `rm_enrollment` (`id` varchar(36) NOT NULL, `candidateId` varchar(36) NOT NULL, `certificationId` varchar(36) NOT NULL, `pathway` varchar(40) NOT NULL, `startedOn` date NOT NULL, `trainingCenter` varchar(300) NULL, `vaeAdmissibility` text NULL, INDEX `ix_rm_enrollment_candidate` (`candidateId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    'CREATE TABLE `rm_parchemin` (`id` varchar(36) NOT NULL, `candidateId` varchar(36) NOT NULL, `certificationId` varchar(36) NOT NULL, `specializationId` varchar(36) NULL, `status` varchar(10) NOT NULL, `issuedOn` date NOT NULL, INDEX `ix_rm_parchemin_candidate` (`candidateId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
  ],
  down: [
    'DROP INDEX `ix_rm_parchemin_candidate` ON `rm_parchemin`',
    'DROP TABLE `rm_parchemin`',
    'DROP INDEX `ix_rm_enrollment_candidate` ON `rm_enrollment`',
    'DROP TABLE `rm_enrollment`',
    'DROP TABLE `rm_candidate`',
    'DROP TABLE `rm_certification`',
    'DROP INDEX `uq_jury_decision_registration` ON `jury_decision`',
    'DROP INDEX `ix_jury_decision_candidate` ON `jury_decision`',
    'DROP TABLE `jury_decision`',
    'DROP INDEX `uq_registration_session_candidate` ON `registration`',
    'DROP TABLE `registration`',
    'DROP INDEX `uq_juror_session_user` ON `juror`',
    'DROP TABLE `juror`',
    'DROP INDEX `ix_exam_session_certification` ON `exam_session`',
    'DROP TABLE `exam_session`',
  ],
});
