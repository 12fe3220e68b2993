import { candidateChanged } from '@certif/candidates-contracts';
import { credentialChanged } from '@certif/issuing-contracts';
import type { ServiceEvents } from '@certif/platform-events';
import { certificationChanged } from '@certif/referentials-contracts';
import {
  RecordCandidateStateService,
  RecordCertificationStateService,
  RecordParcheminStateService,
} from '@certif/sessions-application';
import { TypeOrmReadModelRepository } from '../persistence/typeorm-read-model.repository';
import { toCandidateState, toCertificationView, toParcheminView } from './inbound-events.mapper';

/**
 * The read models follow the other contexts' events: each payload (checked against its contract
 * by the consumer) is mapped to the domain's view, and an application handler stores it with the
 * manager of the transaction that records the event as handled (idempotent consumer).
 */
export function subscribeReadModels(events: ServiceEvents): ServiceEvents {
  return events
    .on(certificationChanged, async (event, manager) => {
      await new RecordCertificationStateService(new TypeOrmReadModelRepository(manager)).execute(
        toCertificationView(event.data.certification),
      );
    })
    .on(candidateChanged, async (event, manager) => {
      await new RecordCandidateStateService(new TypeOrmReadModelRepository(manager)).execute(
        toCandidateState(event.data),
      );
    })
    .on(credentialChanged, async (event, manager) => {
      const parchemin = toParcheminView(event.data);
      if (!parchemin) return;
      await new RecordParcheminStateService(new TypeOrmReadModelRepository(manager)).execute(
        parchemin,
      );
    });
}
