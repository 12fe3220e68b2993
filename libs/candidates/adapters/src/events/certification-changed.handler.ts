import type { EntityManager } from 'typeorm';
import type { CloudEvent, EventPayload } from '@certif/platform-events';
import { RecordCertificationStateService } from '@certif/candidates-application';
import { PATHWAYS, type KnownCertification } from '@certif/candidates-domain';
import type { CertificationState, certificationChanged } from '@certif/referentials-contracts';
import { TypeOrmKnownCertificationStore } from '../persistence/typeorm-known-certification.store';

/** What the read model keeps of a published state; the status is recomputed from the dates. */
export function toKnownCertification(state: CertificationState): KnownCertification {
  return {
    id: state.id,
    code: state.code,
    title: state.title,
    published: state.status !== 'DRAFT',
    registeredFrom: state.registeredFrom,
    registeredUntil: state.registeredUntil,
    revisesId: state.revisesId,
    revisedById: state.revisedById,
    vaeMinimumExperienceYears: state.vaeMinimumExperienceYears,
    // Absent from states published before access routes existed: every route.
    pathways: state.pathways ? [...state.pathways] : [...PATHWAYS],
    version: state.version,
  };
}

/** referentials.certification.v1 → the read model, in the consumer's transaction. */
export async function onCertificationChanged(
  event: CloudEvent<EventPayload<typeof certificationChanged>>,
  manager: EntityManager,
): Promise<void> {
  await new RecordCertificationStateService(new TypeOrmKnownCertificationStore(manager)).execute(
    toKnownCertification(event.data.certification),
  );
}
