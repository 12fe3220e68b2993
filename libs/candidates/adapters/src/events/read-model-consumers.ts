import type { ServiceEvents } from '@certif/platform-events';
import { certificationChanged } from '@certif/referentials-contracts';
import { candidateRegisteredToSession } from '@certif/sessions-contracts';
import { onCandidateRegisteredToSession } from './candidate-registered.handler';
import { onCertificationChanged } from './certification-changed.handler';

/**
 * The read models follow the other contexts' events (certifications for the enrolment rules,
 * exam centres for the personal-data rule), each in the transaction that records the event as
 * handled (idempotent consumer).
 */
export function subscribeReadModels(events: ServiceEvents): ServiceEvents {
  return events
    .on(certificationChanged, onCertificationChanged)
    .on(candidateRegisteredToSession, onCandidateRegisteredToSession);
}
