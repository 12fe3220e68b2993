import { configKeys, loadConfig, z } from '@certif/platform-config';
import { createLogger } from '@certif/platform-observability';
import type { ServiceSchema } from '@certif/platform-persistence';
import { runServiceMigrations } from './run-service-migrations';

/** What `node migrate.js` reads: the service's own keys, nothing else is needed to migrate. */
export const migrateConfigSchema = z.object({
  LOG_LEVEL: configKeys.logLevel,
  DATABASE_URL: configKeys.databaseUrl,
  DATABASE_PREFIX: configKeys.databasePrefix,
  MIGRATION_LOCK_TIMEOUT_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(300)
    .describe('how long to wait while another instance migrates the same database'),
});

/**
 * `apps/<service>/src/migrate.ts`: applies the service's pending migrations and resolves to the exit
 * code — 0 when the schema is current, 1 otherwise (the init container then fails and the new
 * version never serves). The caller exits with it: a failed TypeORM start can leave a pool open.
 */
export async function runMigrationsCommand(
  service: string,
  schema: ServiceSchema,
  env: Record<string, string | undefined> = process.env,
): Promise<number> {
  let config: z.infer<typeof migrateConfigSchema>;
  try {
    config = loadConfig(`${service} migrations`, migrateConfigSchema, env);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  }
  const logger = createLogger({ service: `${service}-migrate`, level: config.LOG_LEVEL });
  try {
    const report = await runServiceMigrations({
      service,
      schema,
      databaseUrl: config.DATABASE_URL,
      databasePrefix: config.DATABASE_PREFIX,
      lockTimeoutSeconds: config.MIGRATION_LOCK_TIMEOUT_SECONDS,
      logger,
    });
    if (report.kind === 'skipped') logger.info(`${service}: nothing to migrate: ${report.reason}`);
    return 0;
  } catch (error) {
    logger.error({ err: error }, `${service}: migrations failed`);
    return 1;
  }
}
