import { In, type EntityManager } from 'typeorm';
import { Conflict } from '@certif/platform-errors';
import type { SessionRepository } from '@certif/sessions-application';
import type { ExamSession } from '@certif/sessions-domain';
import { ExamSessionRow } from './exam-session.row';
import { toExamSession, toExamSessionRow } from './sessions.mapper';
import { supportsRowLocks } from '@certif/platform-persistence';

export class TypeOrmSessionRepository implements SessionRepository {
  constructor(private readonly manager: EntityManager) {}

  async findByIds(ids: readonly string[]): Promise<ExamSession[]> {
    if (ids.length === 0) return [];
    const rows = await this.manager.findBy(ExamSessionRow, { id: In([...new Set(ids)]) });
    return rows.map(toExamSession);
  }

  async insert(session: ExamSession): Promise<void> {
    await this.manager.insert(ExamSessionRow, toExamSessionRow(session));
  }

  /**
   * SELECT … FOR UPDATE on MySQL/MariaDB. As the transaction's first statement it also reads
   * the latest committed state: what the previous holder of the lock wrote is seen.
   */
  async lock(id: string): Promise<ExamSession | null> {
    const row = await this.manager.findOne(ExamSessionRow, {
      where: { id },
      ...(supportsRowLocks(this.manager) ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return row ? toExamSession(row) : null;
  }

  async update(session: ExamSession): Promise<void> {
    const { id, version, ...fields } = toExamSessionRow(session);
    const result = await this.manager.update(
      ExamSessionRow,
      { id, version: version - 1 },
      { ...fields, version },
    );
    if (result.affected === 0) {
      throw new Conflict(
        `session ${id} was changed by someone else meanwhile; reload it and try again`,
        'sessionId',
      );
    }
  }
}
