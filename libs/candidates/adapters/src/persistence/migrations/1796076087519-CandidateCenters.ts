import { statementMigration } from '@certif/platform-migrations';

export const CandidateCenters1796076087519 = statementMigration('CandidateCenters1796076087519', {
  up: [
    'CREATE TABLE `candidate_center` (`registrationId` varchar(36) NOT NULL, `candidateId` varchar(36) NOT NULL, `center` varchar(200) NOT NULL, INDEX `IDX_candidate_center_candidate` (`candidateId`), PRIMARY KEY (`registrationId`)) ENGINE=InnoDB',
  ],
  down: [
    'DROP INDEX `IDX_candidate_center_candidate` ON `candidate_center`',
    'DROP TABLE `candidate_center`',
  ],
});
