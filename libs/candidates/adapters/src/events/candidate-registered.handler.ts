import type { EntityManager } from 'typeorm';
import type { CloudEvent, EventPayload } from '@certif/platform-events';
import type { candidateRegisteredToSession } from '@certif/sessions-contracts';
import { TypeOrmCandidateCenters } from '../persistence/typeorm-candidate-centers';

/** sessions.registration.v1 → the centres read model, in the consumer's transaction. */
export async function onCandidateRegisteredToSession(
  event: CloudEvent<EventPayload<typeof candidateRegisteredToSession>>,
  manager: EntityManager,
): Promise<void> {
  const { registrationId, candidateId, center } = event.data;
  await new TypeOrmCandidateCenters(manager).record({ registrationId, candidateId, center });
}
