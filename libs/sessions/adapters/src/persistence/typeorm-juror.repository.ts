import { In, type EntityManager } from 'typeorm';
import { Conflict } from '@certif/platform-errors';
import type { JurorRepository } from '@certif/sessions-application';
import type { Juror } from '@certif/sessions-domain';
import { JurorRow } from './juror.row';
import { toJuror, toJurorRow } from './sessions.mapper';
import { isDuplicateKey } from '@certif/platform-persistence';

export class TypeOrmJurorRepository implements JurorRepository {
  constructor(private readonly manager: EntityManager) {}

  async findBySessions(sessionIds: readonly string[]): Promise<Juror[]> {
    if (sessionIds.length === 0) return [];
    const rows = await this.manager.find(JurorRow, {
      where: { sessionId: In([...new Set(sessionIds)]) },
      order: { name: 'ASC', id: 'ASC' },
    });
    return rows.map(toJuror);
  }

  async insert(juror: Juror): Promise<void> {
    try {
      await this.manager.insert(JurorRow, toJurorRow(juror));
    } catch (error) {
      if (isDuplicateKey(error)) {
        throw new Conflict(
          `user ${juror.userId} already sits on this jury`,
          'input.userId',
          'duplicate',
        );
      }
      throw error;
    }
  }
}
