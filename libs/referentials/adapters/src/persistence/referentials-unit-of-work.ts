import type { DataSource, EntityManager } from 'typeorm';
import { runInTransaction } from '@certif/platform-events';
import type {
  CertificationEvents,
  ReferentialsTransaction,
  ReferentialsUnitOfWork,
} from '@certif/referentials-application';
import { TypeOrmCertificationRepository } from './typeorm-certification.repository';

/** Binds the events port to the transaction's EntityManager (the outbox writes through it). */
export type CertificationEventsFactory = (manager: EntityManager) => CertificationEvents;

export class TypeOrmReferentialsUnitOfWork implements ReferentialsUnitOfWork {
  readonly reader: TypeOrmCertificationRepository;

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: CertificationEventsFactory,
  ) {
    this.reader = new TypeOrmCertificationRepository(dataSource.manager);
  }

  transaction<T>(work: (tx: ReferentialsTransaction) => Promise<T>): Promise<T> {
    // runInTransaction: on SQLite, one connection serves all, so transactions run one at a time.
    return runInTransaction(this.dataSource, (manager) =>
      work({
        certifications: new TypeOrmCertificationRepository(manager),
        events: this.events(manager),
      }),
    );
  }
}
