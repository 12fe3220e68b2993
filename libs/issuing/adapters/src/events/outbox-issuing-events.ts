import type { EntityManager } from 'typeorm';
import type { Outbox } from '@certif/platform-events';
import type { Parchemin } from '@certif/issuing-domain';
import type { IssuingEvents, StoredLivret } from '@certif/issuing-application';
import { credentialChanged } from '@certif/issuing-contracts';

/** A parchemin as the contract's `credential` carries it. */
function credentialState(c: Parchemin) {
  return {
    id: c.id,
    number: c.number,
    certificationId: c.certificationId,
    specializationId: c.specializationId,
    status: c.status,
    issuedOn: c.issuedOn,
    obtainedOn: c.obtainedOn,
  };
}

/** issuing.credential.v1 through the outbox, in the transaction of the change. */
export class OutboxIssuingEvents implements IssuingEvents {
  constructor(
    private readonly outbox: Outbox,
    private readonly manager: EntityManager,
  ) {}

  async issued(parchemin: Parchemin): Promise<void> {
    await this.outbox.publish(this.manager, credentialChanged, {
      change: 'ISSUED',
      candidateId: parchemin.candidateId,
      credential: credentialState(parchemin),
    });
  }

  async revoked(parchemin: Parchemin): Promise<void> {
    await this.outbox.publish(this.manager, credentialChanged, {
      change: 'REVOKED',
      candidateId: parchemin.candidateId,
      credential: credentialState(parchemin),
      reason: parchemin.revocationReason ?? '',
    });
  }

  async livretStatusChanged(livret: StoredLivret): Promise<void> {
    await this.outbox.publish(this.manager, credentialChanged, {
      change: 'LIVRET_STATUS_CHANGED',
      candidateId: livret.candidateId,
      livret: {
        id: livret.id,
        certificationId: livret.certificationId,
        status: livret.status,
        capitalizationDeadline: livret.capitalizationDeadline,
      },
    });
  }
}
