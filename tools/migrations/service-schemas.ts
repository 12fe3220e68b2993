import type { ServiceSchema } from '@certif/platform-persistence';
import { candidatesSchema } from '@certif/candidates-service';
import { issuingSchema } from '@certif/issuing-service';
import { referentialsSchema } from '@certif/referentials-service';
import { sessionsSchema } from '@certif/sessions-service';

/** Every service's schema, for the migration tools. */
export const serviceSchemas: Record<string, { schema: ServiceSchema; migrationsDir: string }> = {
  referentials: {
    schema: referentialsSchema,
    migrationsDir: 'libs/referentials/adapters/src/persistence/migrations',
  },
  candidates: {
    schema: candidatesSchema,
    migrationsDir: 'libs/candidates/adapters/src/persistence/migrations',
  },
  sessions: {
    schema: sessionsSchema,
    migrationsDir: 'libs/sessions/adapters/src/persistence/migrations',
  },
  issuing: {
    schema: issuingSchema,
    migrationsDir: 'libs/issuing/adapters/src/persistence/migrations',
  },
};
