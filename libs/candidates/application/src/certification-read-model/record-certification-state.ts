import type { KnownCertification } from '@certif/candidates-domain';
import type { KnownCertificationStore } from '../ports';

/**
 * Keeps the read model of certifications current: a published state replaces the stored one only
 * when its version is higher, so a duplicate or a late, older event changes nothing.
 */
export function recordCertificationState(
  store: KnownCertificationStore,
  certification: KnownCertification,
): Promise<boolean> {
  return store.saveIfNewer(certification);
}
