import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RncpImport1796075338578 implements MigrationInterface {
  name = 'RncpImport1796075338578';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `certification` ADD `importedFrom` varchar(20) NULL');
    await queryRunner.query('ALTER TABLE `certification` ADD `importFingerprint` varchar(64) NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `certification` DROP COLUMN `importFingerprint`');
    await queryRunner.query('ALTER TABLE `certification` DROP COLUMN `importedFrom`');
  }
}
