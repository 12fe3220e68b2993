// Runs a service's migrations before a new version serves (the `migrate` entry of each app).
export * from './run-service-migrations';
export * from './migrate-command';
export * from './statement-migration';
