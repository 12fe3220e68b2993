import type { DataSource, EntityManager } from 'typeorm';
import { runInTransaction } from '@certif/platform-events';
import type {
  CandidateEvents,
  CandidatesTransaction,
  CandidatesUnitOfWork,
} from '@certif/candidates-application';
import { TypeOrmCandidateRepository } from './typeorm-candidate.repository';
import { TypeOrmKnownCertificationStore } from './typeorm-known-certification.store';

/** Binds the events port to the transaction's EntityManager (the outbox writes through it). */
export type CandidateEventsFactory = (manager: EntityManager) => CandidateEvents;

export class TypeOrmCandidatesUnitOfWork implements CandidatesUnitOfWork {
  readonly reader: TypeOrmCandidateRepository;
  readonly certifications: TypeOrmKnownCertificationStore;

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: CandidateEventsFactory,
  ) {
    this.reader = new TypeOrmCandidateRepository(dataSource.manager);
    this.certifications = new TypeOrmKnownCertificationStore(dataSource.manager);
  }

  transaction<T>(work: (tx: CandidatesTransaction) => Promise<T>): Promise<T> {
    // runInTransaction: on SQLite, one connection serves all, so transactions run one at a time.
    return runInTransaction(this.dataSource, (manager) =>
      work({
        candidates: new TypeOrmCandidateRepository(manager),
        certifications: new TypeOrmKnownCertificationStore(manager),
        events: this.events(manager),
      }),
    );
  }
}
