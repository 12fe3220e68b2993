import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * R9: issuing keeps decision corrections, and a correction may revoke a parchemin and issue
 * another one: uniqueness moves from every parchemin to the VALID ones (`validKey` is NULL once
 * revoked). Existing VALID parchemins get their key before the new index is built.
 */
export class DecisionCorrections1796075341393 implements MigrationInterface {
  name = 'DecisionCorrections1796075341393';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `decision_correction` (`decisionId` varchar(36) NOT NULL, `supersededDecisionId` varchar(36) NOT NULL, `candidateId` varchar(36) NOT NULL, `certificationId` varchar(36) NOT NULL, `decidedOn` date NOT NULL, `correctedOn` date NOT NULL, `reason` varchar(1000) NOT NULL, `recordedAt` datetime(3) NOT NULL, INDEX `ix_decision_correction_certification` (`certificationId`), INDEX `ix_decision_correction_candidate` (`candidateId`), PRIMARY KEY (`decisionId`)) ENGINE=InnoDB',
    );
    await queryRunner.query('ALTER TABLE `credential` ADD `validKey` varchar(40) NULL');
    await queryRunner.query('ALTER TABLE `credential` ADD `revokingDecisionId` varchar(36) NULL');
    await queryRunner.query(
      "UPDATE `credential` SET `validKey` = `specializationKey` WHERE `status` = 'VALID'",
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX `uq_credential_one_valid` ON `credential` (`candidateId`, `lineageRootId`, `validKey`)',
    );
    await queryRunner.query('DROP INDEX `uq_credential_one_per_lineage` ON `credential`');
  }

  /** Fails when a correction left a revoked and a valid parchemin of one title: keep both rows. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE UNIQUE INDEX `uq_credential_one_per_lineage` ON `credential` (`candidateId`, `lineageRootId`, `specializationKey`)',
    );
    await queryRunner.query('DROP INDEX `uq_credential_one_valid` ON `credential`');
    await queryRunner.query('ALTER TABLE `credential` DROP COLUMN `revokingDecisionId`');
    await queryRunner.query('ALTER TABLE `credential` DROP COLUMN `validKey`');
    await queryRunner.query('DROP TABLE `decision_correction`');
  }
}
