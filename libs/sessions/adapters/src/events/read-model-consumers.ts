import { candidateChanged } from '@certif/candidates-contracts';
import { credentialChanged } from '@certif/issuing-contracts';
import type { ServiceEvents } from '@certif/platform-events';
import { certificationChanged } from '@certif/referentials-contracts';
import {
  projectCandidate,
  projectCertification,
  projectCredential,
} from '@certif/sessions-application';
import { TypeOrmReadModelRepository } from '../persistence/typeorm-read-model.repository';

/**
 * The read models follow the other contexts' events; each handler writes with the manager of
 * the transaction that records the event as handled (idempotent consumer).
 */
export function subscribeReadModels(events: ServiceEvents): ServiceEvents {
  return events
    .on(certificationChanged, async (event, manager) => {
      await projectCertification(new TypeOrmReadModelRepository(manager), event.data.certification);
    })
    .on(candidateChanged, async (event, manager) => {
      await projectCandidate(new TypeOrmReadModelRepository(manager), event.data);
    })
    .on(credentialChanged, async (event, manager) => {
      await projectCredential(new TypeOrmReadModelRepository(manager), event.data);
    });
}
