import type { ServiceSchema } from '@certif/platform-persistence';
import { eventsSchema } from '@certif/platform-events';
import { issuingTables } from '@certif/issuing-adapters';

/** Everything in the issuing database: its tables and the event backbone's. */
export const issuingSchema: ServiceSchema = {
  entities: [...(eventsSchema.entities as []), ...(issuingTables.entities as [])],
  migrations: [...(eventsSchema.migrations as []), ...(issuingTables.migrations as [])],
};
