import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CertifierCpfIdentifiers1796075145289 implements MigrationInterface {
  name = 'CertifierCpfIdentifiers1796075145289';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE `certification` ADD `certifierCpfClientId` varchar(8) NULL',
    );
    await queryRunner.query(
      'ALTER TABLE `certification` ADD `certifierCpfContractId` varchar(20) NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `certification` DROP COLUMN `certifierCpfContractId`');
    await queryRunner.query('ALTER TABLE `certification` DROP COLUMN `certifierCpfClientId`');
  }
}
