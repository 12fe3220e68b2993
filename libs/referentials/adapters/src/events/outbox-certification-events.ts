import type { EntityManager } from 'typeorm';
import type { Outbox } from '@certif/platform-events';
import type { CertificationChange, CertificationEvents } from '@certif/referentials-application';
import type { Certification, CertificationStatus } from '@certif/referentials-domain';
import {
  certificationChanged,
  versionLinks,
  type CertificationState,
} from '@certif/referentials-contracts';
import { outwardState } from '../certification-fields';

/** The published state: the contract, not the row nor the domain object, so either may change. */
export function toCertificationState(
  c: Certification,
  status: CertificationStatus,
): CertificationState {
  return {
    ...outwardState(c, status),
    components: c.components.map(({ id, code, title, kind, position }) => ({
      id,
      code,
      title,
      kind,
      position,
    })),
    ...versionLinks(c),
  };
}

/** referentials.certification.v1 through the outbox, in the transaction of the change. */
export class OutboxCertificationEvents implements CertificationEvents {
  constructor(
    private readonly outbox: Outbox,
    private readonly manager: EntityManager,
  ) {}

  async changed(
    certification: Certification,
    change: CertificationChange,
    status: CertificationStatus,
  ): Promise<void> {
    await this.changedMany([{ certification, change, status }]);
  }

  async changedMany(
    changes: readonly {
      certification: Certification;
      change: CertificationChange;
      status: CertificationStatus;
    }[],
  ): Promise<void> {
    await this.outbox.publishMany(
      this.manager,
      certificationChanged,
      changes.map(({ certification, change, status }) => ({
        change,
        certification: toCertificationState(certification, status),
      })),
    );
  }
}
