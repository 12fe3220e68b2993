import type { ServiceSchema } from '@certif/platform-persistence';
import { eventsSchema } from '@certif/platform-events';
import { referentialsTables } from '@certif/referentials-adapters';

/** Everything in the referentials database: its tables and the event backbone's. */
export const referentialsSchema: ServiceSchema = {
  entities: [...(eventsSchema.entities as []), ...(referentialsTables.entities as [])],
  migrations: [...(eventsSchema.migrations as []), ...(referentialsTables.migrations as [])],
};
