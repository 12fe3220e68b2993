import type { MigrationInterface, QueryRunner } from 'typeorm';

export class KnownCertificationPathways1796075014522 implements MigrationInterface {
  name = 'KnownCertificationPathways1796075014522';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `known_certification` ADD `pathways` text NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `known_certification` DROP COLUMN `pathways`');
  }
}
