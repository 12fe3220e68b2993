import { statementMigration } from '@certif/platform-migrations';

/**
 * R9: issuing keeps decision corrections, and a correction may revoke a parchemin and issue
 * another one: uniqueness moves from every parchemin to the VALID ones (`validKey` is NULL once
 * revoked). Existing VALID parchemins get their key before the new index is built.
 */
export const DecisionCorrections1796075341393 = statementMigration(
  'DecisionCorrections1796075341393',
  {
    up: [
      'CREATE TABLE `decision_correction` (`decisionId` varchar(36) NOT NULL, `supersededDecisionId` varchar(36) NOT NULL, `candidateId` varchar(36) NOT NULL, `certificationId` varchar(36) NOT NULL, `decidedOn` date NOT NULL, `correctedOn` date NOT NULL, `reason` varchar(1000) NOT NULL, `recordedAt` datetime(3) NOT NULL, INDEX `ix_decision_correction_certification` (`certificationId`), INDEX `ix_decision_correction_candidate` (`candidateId`), PRIMARY KEY (`decisionId`)) ENGINE=InnoDB',
      'ALTER TABLE `credential` ADD `validKey` varchar(40) NULL',
      'ALTER TABLE `credential` ADD `revokingDecisionId` varchar(36) NULL',
      "UPDATE `credential` SET `validKey` = `specializationKey` WHERE `status` = 'VALID'",
      'CREATE UNIQUE INDEX `uq_credential_one_valid` ON `credential` (`candidateId`, `lineageRootId`, `validKey`)',
      'DROP INDEX `uq_credential_one_per_lineage` ON `credential`',
    ],
    /** Fails when a correction left a revoked and a valid parchemin of one title: keep both rows. */
    down: [
      'CREATE UNIQUE INDEX `uq_credential_one_per_lineage` ON `credential` (`candidateId`, `lineageRootId`, `specializationKey`)',
      'DROP INDEX `uq_credential_one_valid` ON `credential`',
      'ALTER TABLE `credential` DROP COLUMN `revokingDecisionId`',
      'ALTER TABLE `credential` DROP COLUMN `validKey`',
      'DROP TABLE `decision_correction`',
    ],
  },
);
