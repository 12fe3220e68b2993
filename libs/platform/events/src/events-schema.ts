import type { ServiceSchema } from '@certif/platform-persistence';
import { DeadLetterEntity } from './dead-letter.entity';
import { CreateEventsTables1700000000001 } from './events-migrations';
import { InboxEntryEntity } from './inbox-entry.entity';
import { OutboxMessageEntity } from './outbox-message.entity';

/**
 * The tables events need in a service's own database. A service spreads it into its schema:
 * `{ entities: [...eventsSchema.entities, ...], migrations: [...eventsSchema.migrations, ...] }`.
 */
export const eventsSchema = {
  entities: [OutboxMessageEntity, InboxEntryEntity, DeadLetterEntity],
  migrations: [CreateEventsTables1700000000001],
} satisfies ServiceSchema;
