import { In, type EntityManager } from 'typeorm';
import type { KnownCertification } from '@certif/candidates-domain';
import type { KnownCertificationStore } from '@certif/candidates-application';
import { toKnownCertification, toKnownCertificationRow } from './candidate.mapper';
import { KnownCertificationRow } from './known-certification.row';
import { isDuplicateKey } from '@certif/platform-persistence';

/** The read model of certifications; a stale state never overwrites a newer one. */
export class TypeOrmKnownCertificationStore implements KnownCertificationStore {
  constructor(private readonly manager: EntityManager) {}

  async findById(id: string): Promise<KnownCertification | null> {
    const row = await this.manager.findOneBy(KnownCertificationRow, { id });
    return row && toKnownCertification(row);
  }

  async findByIds(ids: readonly string[]): Promise<KnownCertification[]> {
    if (ids.length === 0) return [];
    const rows = await this.manager.findBy(KnownCertificationRow, { id: In([...new Set(ids)]) });
    return rows.map(toKnownCertification);
  }

  /** One conditional UPDATE, else an INSERT; a concurrent insert of the same id retries the UPDATE. */
  async saveIfNewer(certification: KnownCertification): Promise<boolean> {
    if (await this.updateIfNewer(certification)) return true;
    if (await this.manager.existsBy(KnownCertificationRow, { id: certification.id })) return false;
    try {
      await this.manager.insert(KnownCertificationRow, toKnownCertificationRow(certification));
      return true;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      return this.updateIfNewer(certification);
    }
  }

  private async updateIfNewer(certification: KnownCertification): Promise<boolean> {
    const { id, ...fields } = toKnownCertificationRow(certification);
    const result = await this.manager
      .createQueryBuilder()
      .update(KnownCertificationRow)
      .set(fields)
      .where('id = :id AND version < :version', { id, version: certification.version })
      .execute();
    return (result.affected ?? 0) > 0;
  }
}
