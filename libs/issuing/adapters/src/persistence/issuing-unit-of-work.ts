import { AsyncLocalStorage } from 'node:async_hooks';
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
import { TypeOrmParcheminRepository, type ParcheminNumbers } from './typeorm-parchemin.repository';
import { TypeOrmFactStore } from './typeorm-fact-store';
import { TypeOrmLivretRepository } from './typeorm-livret.repository';
import { BatchReadAhead } from './batch-read-ahead';

/**
 * Binds the events port to the transaction's EntityManager (the outbox writes through it); with
 * the consumer's batch, the events may be written together before commit.
 */
export type IssuingEventsFactory = (manager: EntityManager, batch?: EventBatch) => IssuingEvents;

/** The candidates a batch of events is about (the `candidateId` of their payloads), each once. */
export function batchCandidates(batch: EventBatch): string[] {
  const ids = batch.events.map((event) => (event.data as { candidateId?: unknown }).candidateId);
  return [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
}

/**
 * `lock`: reads are locking reads (see read-lock.ts); for transactions on MySQL. `numbers`:
 * where parchemin numbers come from (ADR 0019); the counter row in the transaction otherwise.
 * `batch`: the consumer's batch, whose candidates' facts, livrets and parchemins are read
 * together (BatchReadAhead).
 */
export function issuingStores(
  manager: EntityManager,
  lock = false,
  numbers?: ParcheminNumbers,
  batch?: EventBatch,
): IssuingStores {
  const ahead = <T>() =>
    batch && lock ? new BatchReadAhead<T>(() => batchCandidates(batch)) : undefined;
  return {
    certifications: new TypeOrmCertificationReadModel(manager, lock),
    candidates: new TypeOrmCandidateDirectory(manager, lock),
    facts: new TypeOrmFactStore(manager, lock, ahead(), batch),
    livrets: new TypeOrmLivretRepository(manager, lock, ahead(), batch),
    parchemins: new TypeOrmParcheminRepository(manager, lock, numbers, ahead(), batch),
  };
}

export interface IssuingUnitOfWorkOptions {
  /**
   * Where parchemin numbers come from (`CounterBlockNumbers` on MySQL, ADR 0019); without it,
   * from the counter row inside the issuing transaction, whose lock lasts until commit.
   */
  numbers?: ParcheminNumbers;
}

export class TypeOrmIssuingUnitOfWork implements IssuingUnitOfWork {
  readonly reader: IssuingStores;
  private readonly numbers: ParcheminNumbers | undefined;
  /** The transaction someone else started, that use cases run inside join (see `joining`). */
  private readonly joined = new AsyncLocalStorage<IssuingTransaction>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: IssuingEventsFactory,
    options: IssuingUnitOfWorkOptions = {},
  ) {
    this.reader = issuingStores(dataSource.manager);
    this.numbers = options.numbers;
  }

  transaction<T>(work: (tx: IssuingTransaction) => Promise<T>): Promise<T> {
    const joined = this.joined.getStore();
    if (joined) return work(joined);
    return runInTransaction(this.dataSource, (manager) => work(this.bound(manager)));
  }

  /**
   * Runs `work` in a transaction someone else started: an event consumer's, which also records
   * the event as handled. Every `transaction` a use case opens meanwhile joins it, so the fact,
   * what it changes and the events it causes commit with the event's record, or none does. With
   * the consumer's `batch`, one set of stores serves the batch's events, and livret refreshes
   * wait for its end (`deferUntilBatchEnd`).
   */
  joining<T>(manager: EntityManager, work: () => Promise<T>, batch?: EventBatch): Promise<T> {
    return this.joined.run(this.bound(manager, batch), work);
  }

  /** Locks the facts of the batch's candidates, in key order, once per batch (ADR 0019). */
  lockBatchCandidates(manager: EntityManager, batch: EventBatch): Promise<void> {
    const tx = this.bound(manager, batch);
    return batch.shared('issuing candidates locked', () =>
      tx.candidates.lockFacts(...batchCandidates(batch)),
    );
  }

  /** The stores of a consumer's transaction, shared by the events of its batch. */
  private bound(manager: EntityManager, batch?: EventBatch): IssuingTransaction {
    const make = (): IssuingTransaction => ({
      ...issuingStores(manager, isMysql(manager), this.numbers, batch),
      events: this.events(manager, batch),
      ...(batch ? { deferUntilBatchEnd: (key, work) => batch.beforeCommit(key, work) } : {}),
    });
    return batch ? batch.shared('issuing transaction', make) : make();
  }
}
