import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CredentialObtainedOn1796074307578 implements MigrationInterface {
  name = 'CredentialObtainedOn1796074307578';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Parchemins issued before this column existed do not record the date of their completing
    // decision: they keep their issue date, the only date they ever stated.
    await queryRunner.query('ALTER TABLE `credential` ADD `obtainedOn` date NULL');
    await queryRunner.query('UPDATE `credential` SET `obtainedOn` = `issuedOn`');
    await queryRunner.query('ALTER TABLE `credential` MODIFY `obtainedOn` date NOT NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `credential` DROP COLUMN `obtainedOn`');
  }
}
