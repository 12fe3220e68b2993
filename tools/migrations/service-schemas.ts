import type { ServiceSchema } from '@certif/platform-persistence';
import { referentialsSchema } from '@certif/referentials-service';

/** Every service's schema, for the migration tools. */
export const serviceSchemas: Record<string, { schema: ServiceSchema; migrationsDir: string }> = {
  referentials: {
    schema: referentialsSchema,
    migrationsDir: 'libs/referentials/adapters/src/persistence/migrations',
  },
};
