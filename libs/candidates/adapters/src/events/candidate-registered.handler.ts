import type { EntityManager } from 'typeorm';
import type { CloudEvent, EventPayload } from '@certif/platform-events';
import { RecordCandidateCenterService, type CandidateCenter } from '@certif/candidates-application';
import type { candidateRegisteredToSession } from '@certif/sessions-contracts';
import { TypeOrmCandidateCenters } from '../persistence/typeorm-candidate-centers';

/** What the centres read model keeps of a registration. */
export function toCandidateCenter({
  registrationId,
  candidateId,
  center,
}: EventPayload<typeof candidateRegisteredToSession>): CandidateCenter {
  return { registrationId, candidateId, center };
}

/** sessions.registration.v1 → the centres read model, in the consumer's transaction. */
export async function onCandidateRegisteredToSession(
  event: CloudEvent<EventPayload<typeof candidateRegisteredToSession>>,
  manager: EntityManager,
): Promise<void> {
  await new RecordCandidateCenterService(new TypeOrmCandidateCenters(manager)).execute(
    toCandidateCenter(event.data),
  );
}
