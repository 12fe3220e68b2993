import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';
import { runInTransaction } from '@certif/platform-events';
import type {
  IssuingEvents,
  IssuingStores,
  IssuingTransaction,
  IssuingUnitOfWork,
} from '@certif/issuing-application';
import { isMysql } from '@certif/platform-persistence';
import { TypeOrmCandidateDirectory } from './typeorm-candidate-directory';
import { TypeOrmCertificationReadModel } from './typeorm-certification-read-model';
import { TypeOrmParcheminRepository } from './typeorm-parchemin.repository';
import { TypeOrmFactStore } from './typeorm-fact-store';
import { TypeOrmLivretRepository } from './typeorm-livret.repository';

/** Binds the events port to the transaction's EntityManager (the outbox writes through it). */
export type IssuingEventsFactory = (manager: EntityManager) => IssuingEvents;

/** `lock`: reads are locking reads (see read-lock.ts); for transactions on MySQL. */
export function issuingStores(manager: EntityManager, lock = false): IssuingStores {
  return {
    certifications: new TypeOrmCertificationReadModel(manager, lock),
    candidates: new TypeOrmCandidateDirectory(manager, lock),
    facts: new TypeOrmFactStore(manager, lock),
    livrets: new TypeOrmLivretRepository(manager, lock),
    parchemins: new TypeOrmParcheminRepository(manager, lock),
  };
}

export class TypeOrmIssuingUnitOfWork implements IssuingUnitOfWork {
  readonly reader: IssuingStores;
  /** The transaction someone else started, that use cases run inside join (see `joining`). */
  private readonly joined = new AsyncLocalStorage<IssuingTransaction>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: IssuingEventsFactory,
  ) {
    this.reader = issuingStores(dataSource.manager);
  }

  transaction<T>(work: (tx: IssuingTransaction) => Promise<T>): Promise<T> {
    const joined = this.joined.getStore();
    if (joined) return work(joined);
    return runInTransaction(this.dataSource, (manager) => work(this.bound(manager)));
  }

  /**
   * Runs `work` in a transaction someone else started: an event consumer's, which also records
   * the event as handled. Every `transaction` a use case opens meanwhile joins it, so the fact,
   * what it changes and the events it causes commit with the event's record, or none does.
   */
  joining<T>(manager: EntityManager, work: () => Promise<T>): Promise<T> {
    return this.joined.run(this.bound(manager), work);
  }

  private bound(manager: EntityManager): IssuingTransaction {
    return { ...issuingStores(manager, isMysql(manager)), events: this.events(manager) };
  }
}
