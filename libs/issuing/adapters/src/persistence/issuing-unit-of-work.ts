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
import { TypeOrmCredentialRepository } from './typeorm-credential.repository';
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
    credentials: new TypeOrmCredentialRepository(manager, lock),
  };
}

export class TypeOrmIssuingUnitOfWork implements IssuingUnitOfWork {
  readonly reader: IssuingStores;

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: IssuingEventsFactory,
  ) {
    this.reader = issuingStores(dataSource.manager);
  }

  transaction<T>(work: (tx: IssuingTransaction) => Promise<T>): Promise<T> {
    return runInTransaction(this.dataSource, (manager) => work(this.within(manager)));
  }

  /** A transaction someone else started: an event consumer's, which also records the event. */
  within(manager: EntityManager): IssuingTransaction {
    return { ...issuingStores(manager, isMysql(manager)), events: this.events(manager) };
  }
}
