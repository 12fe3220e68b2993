import type { Clock, LocalDate } from '@certif/platform-calendar';
import type { Certification, CertificationStatus, Component } from '@certif/referentials-domain';

export interface CertificationFilter {
  /** Words of the code, title or certifier; case and accents do not matter. */
  search?: string | null;
  level?: number | null;
  romeCode?: string | null;
  status?: CertificationStatus | null;
  /** Part of the certifier's name. */
  certifier?: string | null;
}

export interface PageRequest {
  first: number;
  /** The code of the last certification of the previous page (keyset pagination). */
  afterCode: string | null;
}

export interface Page<T> {
  items: T[];
  totalCount: number;
  hasNextPage: boolean;
}

export interface ComponentOfCertification extends Component {
  certificationId: string;
}

export interface CertificationReader {
  findById(id: string): Promise<Certification | null>;
  /** One query for many ids (entity references, revises/revisedBy); order not guaranteed. */
  findByIds(ids: readonly string[]): Promise<Certification[]>;
  findByCode(code: string): Promise<Certification | null>;
  findComponentsByIds(ids: readonly string[]): Promise<ComponentOfCertification[]>;
  /** The certifications with these codes, as far as an import needs (one query). */
  findImportStates(codes: readonly string[]): Promise<ImportState[]>;
  list(
    filter: CertificationFilter,
    today: LocalDate,
    page: PageRequest,
  ): Promise<Page<Certification>>;
}

/** What an import needs to know of a code already present, without loading it whole. */
export interface ImportState {
  id: string;
  code: string;
  importedFrom: Certification['importedFrom'];
  revisesId: string | null;
  revisedById: string | null;
  version: number;
}

export interface CertificationRepository extends CertificationReader {
  /** Refuses a taken code with a Conflict (an InvalidInput), whatever the race. */
  insert(certification: Certification): Promise<void>;
  /** Optimistic: refuses with a Conflict when `version - 1` is no longer the stored version. */
  update(certification: Certification): Promise<void>;
  /** Many new certifications in a few multi-row INSERTs (imports). */
  insertMany(certifications: readonly Certification[]): Promise<void>;
  /**
   * Like update, and the components follow: same code → title and position updated in place
   * (ids kept, so acquired components still count), new code → inserted. Only imports use it.
   */
  updateWithComponents(certification: Certification): Promise<void>;
}

export type CertificationChange =
  'PUBLISHED' | 'REVISED' | 'CLOSED' | 'CERTIFIER_UPDATED' | 'UPDATED';

/** referentials.certification.v1: the full current state, in the transaction of the change. */
export interface CertificationEvents {
  changed(
    certification: Certification,
    change: CertificationChange,
    status: CertificationStatus,
  ): Promise<void>;
  /** Several changes in one outbox INSERT. */
  changedMany(
    changes: readonly {
      certification: Certification;
      change: CertificationChange;
      status: CertificationStatus;
    }[],
  ): Promise<void>;
}

export interface ReferentialsTransaction {
  certifications: CertificationRepository;
  events: CertificationEvents;
}

/** Everything a use case writes commits together, events included, or nothing does. */
export interface ReferentialsUnitOfWork {
  reader: CertificationReader;
  transaction<T>(work: (tx: ReferentialsTransaction) => Promise<T>): Promise<T>;
}

export interface ReferentialsDependencies {
  unitOfWork: ReferentialsUnitOfWork;
  clock: Clock;
  newId: () => string;
}
