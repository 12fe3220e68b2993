import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CandidateCenters1796076087519 implements MigrationInterface {
  name = 'CandidateCenters1796076087519';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `candidate_center` (`registrationId` varchar(36) NOT NULL, `candidateId` varchar(36) NOT NULL, `center` varchar(200) NOT NULL, INDEX `IDX_candidate_center_candidate` (`candidateId`), PRIMARY KEY (`registrationId`)) ENGINE=InnoDB',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `IDX_candidate_center_candidate` ON `candidate_center`');
    await queryRunner.query('DROP TABLE `candidate_center`');
  }
}
