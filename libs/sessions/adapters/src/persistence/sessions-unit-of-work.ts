import type { DataSource, EntityManager } from 'typeorm';
import { runInTransaction } from '@certif/platform-events';
import type {
  DeliberationEvents,
  RegistrationEvents,
  SessionsStore,
  SessionsTransaction,
  SessionsUnitOfWork,
} from '@certif/sessions-application';
import { TypeOrmDecisionRepository } from './typeorm-decision.repository';
import { TypeOrmJurorRepository } from './typeorm-juror.repository';
import { TypeOrmReadModelRepository } from './typeorm-read-model.repository';
import { TypeOrmRegistrationRepository } from './typeorm-registration.repository';
import { TypeOrmSessionRepository } from './typeorm-session.repository';

/** Binds the events port to the transaction's EntityManager (the outbox writes through it). */
export type DeliberationEventsFactory = (
  manager: EntityManager,
) => DeliberationEvents & RegistrationEvents;

export function sessionsStore(manager: EntityManager): SessionsStore {
  return {
    sessions: new TypeOrmSessionRepository(manager),
    jurors: new TypeOrmJurorRepository(manager),
    registrations: new TypeOrmRegistrationRepository(manager),
    decisions: new TypeOrmDecisionRepository(manager),
    readModels: new TypeOrmReadModelRepository(manager),
  };
}

export class TypeOrmSessionsUnitOfWork implements SessionsUnitOfWork {
  readonly reader: SessionsStore;

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: DeliberationEventsFactory,
  ) {
    this.reader = sessionsStore(dataSource.manager);
  }

  transaction<T>(work: (tx: SessionsTransaction) => Promise<T>): Promise<T> {
    // runInTransaction: on SQLite, one connection serves all, so transactions run one at a time.
    return runInTransaction(this.dataSource, (manager) =>
      work({ ...sessionsStore(manager), events: this.events(manager) }),
    );
  }
}
