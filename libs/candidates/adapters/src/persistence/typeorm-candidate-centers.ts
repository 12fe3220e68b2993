import { In, type EntityManager } from 'typeorm';
import type { CandidateCentersStore } from '@certif/candidates-application';
import { CandidateCenterRow } from './candidate-center.row';
import { isDuplicateKey } from '@certif/platform-persistence';

/** Which centres candidates are registered in; one query for a whole page of candidates. */
export class TypeOrmCandidateCenters implements CandidateCentersStore {
  constructor(private readonly manager: EntityManager) {}

  async centersOf(candidateIds: readonly string[]): Promise<Map<string, string[]>> {
    const centers = new Map<string, string[]>();
    if (candidateIds.length === 0) return centers;
    const rows = await this.manager.find(CandidateCenterRow, {
      select: { candidateId: true, center: true },
      where: { candidateId: In([...new Set(candidateIds)]) },
    });
    for (const { candidateId, center } of rows) {
      const list = centers.get(candidateId) ?? [];
      if (!list.includes(center)) list.push(center);
      centers.set(candidateId, list);
    }
    return centers;
  }

  async record(registration: {
    registrationId: string;
    candidateId: string;
    center: string;
  }): Promise<void> {
    try {
      await this.manager.insert(CandidateCenterRow, registration);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
}
