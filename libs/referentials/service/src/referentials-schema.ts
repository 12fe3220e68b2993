import type { ServiceSchema } from '@certif/platform-persistence';
import { referentialsTables } from '@certif/referentials-adapters';

/** Everything in the referentials database. */
export const referentialsSchema: ServiceSchema = {
  entities: [...(referentialsTables.entities as [])],
  migrations: [...(referentialsTables.migrations as [])],
};
