// Each service's TypeORM data source: its own database on MySQL/MariaDB (DATABASE_URL), or an
// embedded SQLite file under DATA_DIR. Test support is in `@certif/platform-persistence/testing`.
export * from './database-target';
export * from './open-data-source';
export { dropMysqlDatabase, prepareMysqlDatabase } from './mysql-server';
export * from './run-in-transaction';
export * from './statement-listener';
export * from './pool-metrics';
export * from './sql-errors';
export { checkServerVersion, UnsupportedDatabaseVersion } from './server-version';
