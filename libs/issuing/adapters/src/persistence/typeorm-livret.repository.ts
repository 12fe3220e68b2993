import { In, LessThan, type EntityManager } from 'typeorm';
import type { EventBatch } from '@certif/platform-events';
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
import { BatchReadAhead, byCandidate } from './batch-read-ahead';

export class TypeOrmLivretRepository implements LivretRepository {
  constructor(
    private readonly manager: EntityManager,
    private readonly lock = false,
    /** A batch's read-ahead of its candidates' livrets (see BatchReadAhead). */
    private readonly readAhead?: BatchReadAhead<StoredLivret[]>,
    /** The consumer's batch: new livrets are then written together before commit. */
    private readonly batch?: EventBatch,
  ) {}

  private readonly pending: StoredLivret[] = [];

  /** The batch's new livrets, in one INSERT; before any other statement, and before commit. */
  private async flush(): Promise<void> {
    const livrets = this.pending.splice(0);
    if (livrets.length === 0) return;
    const updatedAt = new Date();
    try {
      await this.manager.insert(
        LivretRow,
        livrets.map((livret) => ({ ...livret, updatedAt })),
      );
    } catch (error) {
      if (isDuplicateKey(error)) throw concurrentChange('a livret of the batch');
      throw error;
    }
  }

  async findById(id: string): Promise<StoredLivret | null> {
    return (await this.findByIds([id]))[0] ?? null;
  }

  async findByIds(ids: readonly string[]): Promise<StoredLivret[]> {
    if (ids.length === 0) return [];
    await this.flush();
    return (
      await this.manager.find(LivretRow, {
        where: { id: In([...new Set(ids)]) },
        ...readLock(this.lock),
      })
    ).map(toStoredLivret);
  }

  async findByCandidates(candidateIds: readonly string[]): Promise<StoredLivret[]> {
    if (candidateIds.length === 0) return [];
    await this.flush();
    const rows = await this.manager.find(LivretRow, {
      where: { candidateId: In([...new Set(candidateIds)]) },
      order: { lineageRootId: 'ASC' },
      ...readLock(this.lock),
    });
    return rows.map(toStoredLivret);
  }

  async findOne(candidateId: string, lineageRootId: string): Promise<StoredLivret | null> {
    if (this.readAhead) {
      const [livrets] = await this.readAhead.of([candidateId], async (ids) =>
        byCandidate(ids, await this.findByCandidates(ids)),
      );
      return livrets?.find((livret) => livret.lineageRootId === lineageRootId) ?? null;
    }
    await this.flush();
    const row = await this.manager.findOne(LivretRow, {
      where: { candidateId, lineageRootId },
      ...readLock(this.lock),
    });
    return row ? toStoredLivret(row) : null;
  }

  async findLapsingBefore(today: LocalDate, limit: number): Promise<StoredLivret[]> {
    await this.flush();
    const rows = await this.manager.find(LivretRow, {
      where: { status: 'IN_PROGRESS', lapsesAfter: LessThan(today) },
      order: { lapsesAfter: 'ASC', id: 'ASC' },
      take: limit,
    });
    return rows.map(toStoredLivret);
  }

  async insert(livret: StoredLivret): Promise<void> {
    if (this.batch && this.readAhead) {
      this.pending.push(livret);
      this.readAhead.change(livret.candidateId, (known) => [...known, livret]);
      this.batch.beforeCommit('issuing livrets', () => this.flush());
      return;
    }
    try {
      await this.manager.insert(LivretRow, toLivretRow(livret, new Date()));
    } catch (error) {
      if (isDuplicateKey(error))
        throw concurrentChange(`the livret of candidate ${livret.candidateId}`);
      throw error;
    }
  }

  async update(livret: StoredLivret): Promise<void> {
    await this.flush();
    const { id, ...fields } = toLivretRow(livret, new Date());
    const result = await this.manager.update(
      LivretRow,
      { id, version: livret.version - 1 },
      fields,
    );
    if (result.affected === 0) throw concurrentChange(`livret ${id}`);
    this.readAhead?.change(livret.candidateId, (known) =>
      known.map((stored) => (stored.id === id ? livret : stored)),
    );
  }
}
