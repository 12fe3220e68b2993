import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HolderBirthDate1796075870041 implements MigrationInterface {
  name = 'HolderBirthDate1796075870041';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `known_candidate` ADD `birthDate` date NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `known_candidate` DROP COLUMN `birthDate`');
  }
}
