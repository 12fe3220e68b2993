import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox, inbox and dead-letter tables on MySQL/MariaDB. Early timestamp: these run before a
 * service's own migrations. Never edit a released migration; add the next one.
 */
export class CreateEventsTables1700000000001 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `events_outbox` (' +
        '`seq` int unsigned NOT NULL AUTO_INCREMENT, ' +
        '`event_id` varchar(100) NOT NULL, ' +
        '`topic` varchar(255) NOT NULL, ' +
        '`event_key` varchar(255) NOT NULL, ' +
        '`event_type` varchar(255) NOT NULL, ' +
        '`envelope` json NOT NULL, ' +
        '`created_at` datetime(3) NOT NULL, ' +
        '`available_at` datetime(3) NOT NULL, ' +
        '`sent_at` datetime(3) NULL, ' +
        '`attempts` int NOT NULL, ' +
        '`last_error` text NULL, ' +
        'INDEX `IDX_events_outbox_pending` (`sent_at`, `seq`), ' +
        'INDEX `IDX_events_outbox_key` (`event_key`, `sent_at`, `seq`), ' +
        'INDEX `IDX_events_outbox_created` (`created_at`), ' +
        'PRIMARY KEY (`seq`)' +
        ') ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await queryRunner.query(
      'CREATE TABLE `events_inbox` (' +
        '`consumer_group` varchar(100) NOT NULL, ' +
        '`event_id` varchar(100) NOT NULL, ' +
        '`topic` varchar(255) NOT NULL, ' +
        '`event_type` varchar(255) NOT NULL, ' +
        '`processed_at` datetime(3) NOT NULL, ' +
        'INDEX `IDX_events_inbox_processed` (`processed_at`), ' +
        'PRIMARY KEY (`consumer_group`, `event_id`)' +
        ') ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await queryRunner.query(
      'CREATE TABLE `events_dead_letter` (' +
        '`id` varchar(36) NOT NULL, ' +
        '`consumer_group` varchar(100) NOT NULL, ' +
        '`topic` varchar(255) NOT NULL, ' +
        '`event_key` varchar(255) NOT NULL, ' +
        '`event_id` varchar(100) NULL, ' +
        '`event_type` varchar(255) NULL, ' +
        '`source_position` varchar(300) NOT NULL, ' +
        '`reason` varchar(32) NOT NULL, ' +
        '`error` text NOT NULL, ' +
        '`attempts` int NOT NULL, ' +
        '`message` json NOT NULL, ' +
        '`created_at` datetime(3) NOT NULL, ' +
        '`replayed_at` datetime(3) NULL, ' +
        'INDEX `IDX_events_dead_letter_listing` (`replayed_at`, `created_at`), ' +
        'UNIQUE INDEX `UQ_events_dead_letter_position` (`consumer_group`, `source_position`), ' +
        'PRIMARY KEY (`id`)' +
        ') ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `events_dead_letter`');
    await queryRunner.query('DROP TABLE `events_inbox`');
    await queryRunner.query('DROP TABLE `events_outbox`');
  }
}
