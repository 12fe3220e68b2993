import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DecisionCorrectionsAndJuryRule1796075574287 implements MigrationInterface {
  name = 'DecisionCorrectionsAndJuryRule1796075574287';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `jury_decision` ADD `sequence` int NOT NULL DEFAULT '1'");
    await queryRunner.query('ALTER TABLE `jury_decision` ADD `supersedesId` varchar(36) NULL');
    await queryRunner.query('ALTER TABLE `jury_decision` ADD `supersededById` varchar(36) NULL');
    await queryRunner.query(
      'ALTER TABLE `jury_decision` ADD `correctionReason` varchar(1000) NULL',
    );
    await queryRunner.query('ALTER TABLE `jury_decision` ADD `correctedOn` date NULL');
    await queryRunner.query('ALTER TABLE `rm_certification` ADD `juryRule` text NULL');
    // The new unique index before the old one goes: one decision per registration and sequence
    // (existing decisions are sequence 1), so a second deliberation stays refused throughout.
    await queryRunner.query(
      'CREATE UNIQUE INDEX `uq_jury_decision_registration_sequence` ON `jury_decision` (`registrationId`, `sequence`)',
    );
    await queryRunner.query('DROP INDEX `uq_jury_decision_registration` ON `jury_decision`');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'DROP INDEX `uq_jury_decision_registration_sequence` ON `jury_decision`',
    );
    await queryRunner.query('ALTER TABLE `rm_certification` DROP COLUMN `juryRule`');
    await queryRunner.query('ALTER TABLE `jury_decision` DROP COLUMN `correctedOn`');
    await queryRunner.query('ALTER TABLE `jury_decision` DROP COLUMN `correctionReason`');
    await queryRunner.query('ALTER TABLE `jury_decision` DROP COLUMN `supersededById`');
    await queryRunner.query('ALTER TABLE `jury_decision` DROP COLUMN `supersedesId`');
    await queryRunner.query('ALTER TABLE `jury_decision` DROP COLUMN `sequence`');
    await queryRunner.query(
      'CREATE UNIQUE INDEX `uq_jury_decision_registration` ON `jury_decision` (`registrationId`)',
    );
  }
}
