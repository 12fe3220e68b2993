import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CandidateRegisterData1796074575292 implements MigrationInterface {
  name = 'CandidateRegisterData1796074575292';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `candidate` ADD `sex` varchar(1) NULL');
    await queryRunner.query('ALTER TABLE `candidate` ADD `birthName` varchar(100) NULL');
    await queryRunner.query('ALTER TABLE `candidate` ADD `birthInseeCode` varchar(5) NULL');
    await queryRunner.query('ALTER TABLE `candidate` ADD `birthPostalCode` varchar(9) NULL');
    await queryRunner.query('ALTER TABLE `candidate` ADD `birthCity` varchar(60) NULL');
    await queryRunner.query('ALTER TABLE `candidate` ADD `birthCountryCode` varchar(3) NULL');
    await queryRunner.query('ALTER TABLE `candidate` ADD `birthCountry` varchar(60) NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `candidate` DROP COLUMN `birthCountry`');
    await queryRunner.query('ALTER TABLE `candidate` DROP COLUMN `birthCountryCode`');
    await queryRunner.query('ALTER TABLE `candidate` DROP COLUMN `birthCity`');
    await queryRunner.query('ALTER TABLE `candidate` DROP COLUMN `birthPostalCode`');
    await queryRunner.query('ALTER TABLE `candidate` DROP COLUMN `birthInseeCode`');
    await queryRunner.query('ALTER TABLE `candidate` DROP COLUMN `birthName`');
    await queryRunner.query('ALTER TABLE `candidate` DROP COLUMN `sex`');
  }
}
