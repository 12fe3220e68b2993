import { In, LessThan, type EntityManager } from 'typeorm';
import type { LocalDate } from '@certif/platform-calendar';
import {
  concurrentChange,
  type LivretRepository,
  type StoredLivret,
} from '@certif/issuing-application';
import { readLock } from './read-lock';
import { isDuplicateKey } from '@certif/platform-persistence';
import { toLivretRow, toStoredLivret } from './livret.mapper';
import { LivretRow } from './livret.row';

export class TypeOrmLivretRepository implements LivretRepository {
  constructor(
    private readonly manager: EntityManager,
    private readonly lock = false,
  ) {}

  async findById(id: string): Promise<StoredLivret | null> {
    return (await this.findByIds([id]))[0] ?? null;
  }

  async findByIds(ids: readonly string[]): Promise<StoredLivret[]> {
    if (ids.length === 0) return [];
    return (
      await this.manager.find(LivretRow, {
        where: { id: In([...new Set(ids)]) },
        ...readLock(this.lock),
      })
    ).map(toStoredLivret);
  }

  async findByCandidates(candidateIds: readonly string[]): Promise<StoredLivret[]> {
    if (candidateIds.length === 0) return [];
    const rows = await this.manager.find(LivretRow, {
      where: { candidateId: In([...new Set(candidateIds)]) },
      order: { lineageRootId: 'ASC' },
      ...readLock(this.lock),
    });
    return rows.map(toStoredLivret);
  }

  async findOne(candidateId: string, lineageRootId: string): Promise<StoredLivret | null> {
    const row = await this.manager.findOne(LivretRow, {
      where: { candidateId, lineageRootId },
      ...readLock(this.lock),
    });
    return row ? toStoredLivret(row) : null;
  }

  async findLapsingBefore(today: LocalDate, limit: number): Promise<StoredLivret[]> {
    const rows = await this.manager.find(LivretRow, {
      where: { status: 'IN_PROGRESS', lapsesAfter: LessThan(today) },
      order: { lapsesAfter: 'ASC', id: 'ASC' },
      take: limit,
    });
    return rows.map(toStoredLivret);
  }

  async insert(livret: StoredLivret): Promise<void> {
    try {
      await this.manager.insert(LivretRow, toLivretRow(livret, new Date()));
    } catch (error) {
      if (isDuplicateKey(error))
        throw concurrentChange(`the livret of candidate ${livret.candidateId}`);
      throw error;
    }
  }

  async update(livret: StoredLivret): Promise<void> {
    const { id, ...fields } = toLivretRow(livret, new Date());
    const result = await this.manager.update(
      LivretRow,
      { id, version: livret.version - 1 },
      fields,
    );
    if (result.affected === 0) throw concurrentChange(`livret ${id}`);
  }
}
