import type { EntityManager } from 'typeorm';
import type { Outbox } from '@certif/platform-events';
import type { IssuingEvents, StoredCredential, StoredLivret } from '@certif/issuing-application';
import { credentialChanged } from '@certif/issuing-contracts';

function credentialState(c: StoredCredential) {
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

  async issued(credential: StoredCredential): Promise<void> {
    await this.outbox.publish(this.manager, credentialChanged, {
      change: 'ISSUED',
      candidateId: credential.candidateId,
      credential: credentialState(credential),
    });
  }

  async revoked(credential: StoredCredential): Promise<void> {
    await this.outbox.publish(this.manager, credentialChanged, {
      change: 'REVOKED',
      candidateId: credential.candidateId,
      credential: credentialState(credential),
      reason: credential.revocationReason ?? '',
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
