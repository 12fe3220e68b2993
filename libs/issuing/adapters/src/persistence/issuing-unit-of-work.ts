import type { DataSource, EntityManager } from 'typeorm';
import { runInTransaction, type EventBatch } from '@certif/platform-events';
import type {
  IssuingEvents,
  IssuingStores,
  IssuingTransaction,
  IssuingUnitOfWork,
} from '@certif/issuing-application';
import { isMysql } from '@certif/platform-persistence';
import { TypeOrmCandidateDirectory } from './typeorm-candidate-directory';
import { TypeOrmCertificationReadModel } from './typeorm-certification-read-model';
import {
  TypeOrmCredentialRepository,
  type CredentialNumbers,
} from './typeorm-credential.repository';
import { TypeOrmFactStore } from './typeorm-fact-store';
import { TypeOrmLivretRepository } from './typeorm-livret.repository';

/** Binds the events port to the transaction's EntityManager (the outbox writes through it). */
export type IssuingEventsFactory = (manager: EntityManager) => IssuingEvents;

/**
 * `lock`: reads are locking reads (see read-lock.ts); for transactions on MySQL. `numbers`:
 * where parchemin numbers come from (ADR 0016); the counter row in the transaction otherwise.
 */
export function issuingStores(
  manager: EntityManager,
  lock = false,
  numbers?: CredentialNumbers,
): IssuingStores {
  return {
    certifications: new TypeOrmCertificationReadModel(manager, lock),
    candidates: new TypeOrmCandidateDirectory(manager, lock),
    facts: new TypeOrmFactStore(manager, lock),
    livrets: new TypeOrmLivretRepository(manager, lock),
    credentials: new TypeOrmCredentialRepository(manager, lock, numbers),
  };
}

export interface IssuingUnitOfWorkOptions {
  /**
   * Where parchemin numbers come from (`CounterBlockNumbers` on MySQL, ADR 0016); without it,
   * from the counter row inside the issuing transaction, whose lock lasts until commit.
   */
  numbers?: CredentialNumbers;
}

export class TypeOrmIssuingUnitOfWork implements IssuingUnitOfWork {
  readonly reader: IssuingStores;
  private readonly numbers: CredentialNumbers | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: IssuingEventsFactory,
    options: IssuingUnitOfWorkOptions = {},
  ) {
    this.reader = issuingStores(dataSource.manager);
    this.numbers = options.numbers;
  }

  transaction<T>(work: (tx: IssuingTransaction) => Promise<T>): Promise<T> {
    return runInTransaction(this.dataSource, (manager) => work(this.within(manager)));
  }

  /**
   * A transaction someone else started: an event consumer's, which also records the event. With
   * the consumer's `batch`, one set of stores serves the batch's events, and livret refreshes
   * wait for its end (`deferUntilBatchEnd`).
   */
  within(manager: EntityManager, batch?: EventBatch): IssuingTransaction {
    const make = (): IssuingTransaction => ({
      ...issuingStores(manager, isMysql(manager), this.numbers),
      events: this.events(manager),
      ...(batch ? { deferUntilBatchEnd: (key, work) => batch.beforeCommit(key, work) } : {}),
    });
    return batch ? batch.shared('issuing transaction', make) : make();
  }
}
