import type { KnownCertification } from '@certif/candidates-domain';
import type { KnownCertificationStore } from '../ports';

/**
 * referentials.certification.v1 keeps the read model of certifications current: a published state
 * replaces the stored one only when its version is higher, so a duplicate or a late, older event
 * changes nothing. The event adapter builds it on the store of the consumer's transaction.
 */
export class RecordCertificationStateService {
  constructor(private readonly store: KnownCertificationStore) {}

  /** True when the state was stored. */
  execute(certification: KnownCertification): Promise<boolean> {
    return this.store.saveIfNewer(certification);
  }
}
