import { In, type EntityManager } from 'typeorm';
import { Conflict } from '@certif/platform-errors';
import { searchWords, type Candidate, type Enrollment } from '@certif/candidates-domain';
import type {
  CandidateQuery,
  CandidateReader,
  CandidateRepository,
  Page,
} from '@certif/candidates-application';
import { toCandidate, toCandidateRow, toEnrollment, toEnrollmentRow } from './candidate.mapper';
import { CandidateRow } from './candidate.row';
import { EnrollmentRow } from './enrollment.row';
import { likeContaining, supportsRowLocks } from '@certif/platform-persistence';

export class TypeOrmCandidateRepository implements CandidateReader, CandidateRepository {
  constructor(private readonly manager: EntityManager) {}

  async findById(id: string): Promise<Candidate | null> {
    const row = await this.manager.findOneBy(CandidateRow, { id });
    return row && toCandidate(row);
  }

  async findByIds(ids: readonly string[]): Promise<Candidate[]> {
    if (ids.length === 0) return [];
    return (await this.manager.findBy(CandidateRow, { id: In([...new Set(ids)]) })).map(
      toCandidate,
    );
  }

  async search(query: CandidateQuery): Promise<Page<Candidate>> {
    const filtered = this.manager.createQueryBuilder(CandidateRow, 'c');
    searchWords(query.search).forEach((word, i) =>
      filtered.andWhere(`c.searchText LIKE :word${i} ESCAPE '!'`, {
        [`word${i}`]: likeContaining(word),
      }),
    );
    const totalCount = await filtered.clone().getCount();
    const page = filtered
      .clone()
      .orderBy('c.sortLastName', 'ASC')
      .addOrderBy('c.sortFirstName', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .take(query.first + 1);
    if (query.after) {
      page.andWhere(
        '(c.sortLastName > :last OR (c.sortLastName = :last AND (c.sortFirstName > :first ' +
          'OR (c.sortFirstName = :first AND c.id > :id))))',
        { last: query.after.lastName, first: query.after.firstName, id: query.after.id },
      );
    }
    const rows = await page.getMany();
    return {
      items: rows.slice(0, query.first).map(toCandidate),
      totalCount,
      hasNextPage: rows.length > query.first,
    };
  }

  async enrollmentsOf(candidateIds: readonly string[] | string): Promise<Enrollment[]> {
    const ids = typeof candidateIds === 'string' ? [candidateIds] : [...new Set(candidateIds)];
    if (ids.length === 0) return [];
    const rows = await this.manager.find(EnrollmentRow, {
      where: { candidateId: In(ids) },
      order: { enrolledAt: 'ASC', id: 'ASC' },
    });
    return rows.map(toEnrollment);
  }

  async findEnrollmentsByIds(ids: readonly string[]): Promise<Enrollment[]> {
    if (ids.length === 0) return [];
    return (await this.manager.findBy(EnrollmentRow, { id: In([...new Set(ids)]) })).map(
      toEnrollment,
    );
  }

  async findEnrollment(id: string): Promise<Enrollment | null> {
    const row = await this.manager.findOneBy(EnrollmentRow, { id });
    return row && toEnrollment(row);
  }

  async lockEnrollment(id: string): Promise<Enrollment | null> {
    const query = this.manager.createQueryBuilder(EnrollmentRow, 'e').where('e.id = :id', { id });
    if (supportsRowLocks(this.manager)) query.setLock('pessimistic_write');
    const row = await query.getOne();
    return row && toEnrollment(row);
  }

  async lock(id: string): Promise<Candidate | null> {
    const query = this.manager.createQueryBuilder(CandidateRow, 'c').where('c.id = :id', { id });
    if (supportsRowLocks(this.manager)) query.setLock('pessimistic_write');
    const row = await query.getOne();
    return row && toCandidate(row);
  }

  async insert(candidate: Candidate): Promise<void> {
    await this.manager.insert(CandidateRow, toCandidateRow(candidate));
  }

  async update(candidate: Candidate): Promise<void> {
    const { id, version, ...fields } = toCandidateRow(candidate);
    const result = await this.manager.update(
      CandidateRow,
      { id, version: version - 1 },
      { ...fields, version },
    );
    if (result.affected === 0) {
      throw new Conflict(
        `candidate ${id} was changed by someone else meanwhile; reload it and try again`,
        'id',
      );
    }
  }

  async insertEnrollment(enrollment: Enrollment): Promise<void> {
    await this.manager.insert(EnrollmentRow, toEnrollmentRow(enrollment));
  }

  async updateEnrollment(enrollment: Enrollment): Promise<void> {
    const { id, ...fields } = toEnrollmentRow(enrollment);
    await this.manager.update(EnrollmentRow, { id }, fields);
  }
}
