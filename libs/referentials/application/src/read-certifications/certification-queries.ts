import type { Clock, LocalDate } from '@certif/platform-calendar';
import { InvalidInput } from '@certif/platform-errors';
import {
  certificationStatus,
  type Certification,
  type CertificationStatus,
} from '@certif/referentials-domain';
import type {
  CertificationFilter,
  CertificationReader,
  ComponentOfCertification,
  Page,
  PageRequest,
} from '../ports';

/** The read side: one certification, a filtered page, batched reads for DataLoaders, the status as of today. */
export class CertificationQueries {
  constructor(
    private readonly reader: CertificationReader,
    private readonly clock: Clock,
  ) {}

  today(): LocalDate {
    return this.clock.today();
  }

  /** By id or by code; null when none matches (the contract's `certification` query). */
  async find(by: { id?: string | null; code?: string | null }): Promise<Certification | null> {
    if (by.id && by.code) throw new InvalidInput('give either id or code, not both', 'id');
    if (by.id) return this.reader.findById(by.id);
    if (by.code) return this.reader.findByCode(by.code);
    throw new InvalidInput('give the id or the code of the certification', 'id');
  }

  findByIds(ids: readonly string[]): Promise<Certification[]> {
    return this.reader.findByIds(ids);
  }

  findComponentsByIds(ids: readonly string[]): Promise<ComponentOfCertification[]> {
    return this.reader.findComponentsByIds(ids);
  }

  async list(filter: CertificationFilter, page: PageRequest): Promise<Page<Certification>> {
    if (
      filter.level !== null &&
      filter.level !== undefined &&
      (filter.level < 1 || filter.level > 8)
    ) {
      throw new InvalidInput(
        `filter.level must be from 1 to 8; got ${filter.level}`,
        'filter.level',
      );
    }
    return this.reader.list(filter, this.today(), page);
  }

  status(certification: Certification): CertificationStatus {
    return certificationStatus(certification, this.today());
  }
}
