import type { ServiceSchema } from '@certif/platform-persistence';
import { eventsSchema } from '@certif/platform-events';
import { sessionsTables } from '@certif/sessions-adapters';

/** Everything in the sessions database: its tables, its read models and the event backbone's. */
export const sessionsSchema: ServiceSchema = {
  entities: [...(eventsSchema.entities as []), ...(sessionsTables.entities as [])],
  migrations: [...(eventsSchema.migrations as []), ...(sessionsTables.migrations as [])],
};
