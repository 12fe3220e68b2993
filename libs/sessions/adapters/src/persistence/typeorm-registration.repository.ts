import { In, type EntityManager } from 'typeorm';
import { Conflict } from '@certif/platform-errors';
import type { RegistrationRepository } from '@certif/sessions-application';
import type { Registration } from '@certif/sessions-domain';
import { RegistrationRow } from './registration.row';
import { toRegistration, toRegistrationRow } from './sessions.mapper';
import { isDuplicateKey } from '@certif/platform-persistence';

export class TypeOrmRegistrationRepository implements RegistrationRepository {
  constructor(private readonly manager: EntityManager) {}

  async findBySessions(sessionIds: readonly string[]): Promise<Registration[]> {
    if (sessionIds.length === 0) return [];
    const rows = await this.manager.find(RegistrationRow, {
      where: { sessionId: In([...new Set(sessionIds)]) },
      order: { registeredAt: 'ASC', id: 'ASC' },
    });
    return rows.map(toRegistration);
  }

  async findByIds(ids: readonly string[]): Promise<Registration[]> {
    if (ids.length === 0) return [];
    return (await this.manager.findBy(RegistrationRow, { id: In([...new Set(ids)]) })).map(
      toRegistration,
    );
  }

  async insert(registration: Registration): Promise<void> {
    try {
      await this.manager.insert(RegistrationRow, toRegistrationRow(registration));
    } catch (error) {
      if (isDuplicateKey(error)) {
        throw new Conflict(
          'the candidate is already registered to this session',
          'enrollmentId',
          'duplicate',
        );
      }
      throw error;
    }
  }
}
