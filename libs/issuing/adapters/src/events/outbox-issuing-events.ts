import type { EntityManager } from 'typeorm';
import type { EventBatch, EventPayload, Outbox } from '@certif/platform-events';
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

/**
 * issuing.credential.v1 through the outbox, in the transaction of the change. In a consumer's
 * batch, the batch's events are written together (one INSERT, in order) before commit.
 */
export class OutboxIssuingEvents implements IssuingEvents {
  private readonly pending: EventPayload<typeof credentialChanged>[] = [];

  constructor(
    private readonly outbox: Outbox,
    private readonly manager: EntityManager,
    private readonly batch?: EventBatch,
  ) {}

  private async publish(payload: EventPayload<typeof credentialChanged>): Promise<void> {
    if (!this.batch) {
      await this.outbox.publish(this.manager, credentialChanged, payload);
      return;
    }
    this.pending.push(payload);
    this.batch.beforeCommit('issuing.credential.v1', async () => {
      const payloads = this.pending.splice(0);
      await this.outbox.publishMany(this.manager, credentialChanged, payloads);
    });
  }

  async issued(parchemin: Parchemin): Promise<void> {
    await this.publish({
      change: 'ISSUED',
      candidateId: parchemin.candidateId,
      credential: credentialState(parchemin),
    });
  }

  async revoked(parchemin: Parchemin): Promise<void> {
    await this.publish({
      change: 'REVOKED',
      candidateId: parchemin.candidateId,
      credential: credentialState(parchemin),
      reason: parchemin.revocationReason ?? '',
    });
  }

  async livretStatusChanged(livret: StoredLivret): Promise<void> {
    await this.publish({
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
