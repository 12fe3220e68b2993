import type { ServiceSchema } from '@certif/platform-persistence';
import { eventsSchema } from '@certif/platform-events';
import { candidatesTables } from '@certif/candidates-adapters';

/** Everything in the candidates database: its tables and the event backbone's. */
export const candidatesSchema: ServiceSchema = {
  entities: [...(eventsSchema.entities as []), ...(candidatesTables.entities as [])],
  migrations: [...(eventsSchema.migrations as []), ...(candidatesTables.migrations as [])],
};
