import type { EntityManager } from 'typeorm';
import type { Outbox } from '@certif/platform-events';
import type {
  CandidateRegisteredToSession,
  CcpAcquired,
  DecisionCorrected,
  DeliberationEvents,
  RegistrationEvents,
  TitleAwarded,
} from '@certif/sessions-application';
import {
  candidateRegisteredToSession,
  ccpAcquired,
  decisionCorrected,
  titleAwarded,
} from '@certif/sessions-contracts';

/** The deliberation's events through the outbox: one INSERT per event type, in its transaction. */
export class OutboxDeliberationEvents implements DeliberationEvents, RegistrationEvents {
  constructor(
    private readonly outbox: Outbox,
    private readonly manager: EntityManager,
  ) {}

  async publish(acquired: readonly CcpAcquired[], titles: readonly TitleAwarded[]): Promise<void> {
    await this.outbox.publishMany(this.manager, ccpAcquired, acquired);
    await this.outbox.publishMany(this.manager, titleAwarded, titles);
  }

  async corrected(correction: DecisionCorrected): Promise<void> {
    await this.outbox.publish(this.manager, decisionCorrected, correction);
  }

  async registered(event: CandidateRegisteredToSession): Promise<void> {
    await this.outbox.publish(this.manager, candidateRegisteredToSession, event);
  }
}
