import { In, type EntityManager } from 'typeorm';
import { orderLineage, type CertificationVersion, type Lineage } from '@certif/issuing-domain';
import { concurrentChange, type CertificationReadModel } from '@certif/issuing-application';
import { readLock } from './read-lock';
import { isDuplicateKey } from '@certif/platform-persistence';
import { toKnownCertification, toKnownCertificationRow } from './known-certification.mapper';
import { KnownCertificationRow } from './known-certification.row';

export class TypeOrmCertificationReadModel implements CertificationReadModel {
  /**
   * Lineages read by this instance (one transaction, or a batch of events in one): with locking
   * reads no other transaction changes them meanwhile, and `save` forgets them.
   */
  private readonly lineages = new Map<string, Lineage | null>();

  constructor(
    private readonly manager: EntityManager,
    private readonly lock = false,
  ) {}

  async save(version: CertificationVersion): Promise<boolean> {
    this.lineages.clear();
    const stored = await this.manager.findOne(KnownCertificationRow, {
      where: { id: version.id },
      ...readLock(this.lock),
    });
    if (!stored) {
      try {
        await this.manager.insert(KnownCertificationRow, toKnownCertificationRow(version));
        return true;
      } catch (error) {
        if (isDuplicateKey(error)) throw concurrentChange(`certification ${version.code}`);
        throw error;
      }
    }
    if (stored.version >= version.version) return false;
    const { id, ...fields } = toKnownCertificationRow(version);
    const result = await this.manager.update(
      KnownCertificationRow,
      { id, version: stored.version },
      fields,
    );
    if (result.affected === 0) throw concurrentChange(`certification ${version.code}`);
    return true;
  }

  /** Every known version linked to this one, whichever way the links point. */
  async lineageOf(certificationId: string): Promise<Lineage | null> {
    const remembered = this.lineages.get(certificationId);
    if (remembered !== undefined && this.lock) return remembered;
    const lineage = (await this.lineagesOf([certificationId])).get(certificationId) ?? null;
    // A version not known yet may arrive before the end of the transaction: not remembered.
    if (lineage && this.lock) this.lineages.set(certificationId, lineage);
    return lineage;
  }

  /**
   * The lineages of several versions, walked together: one query per step along the longest
   * chain of revisions (usually one), whatever the number of versions asked.
   */
  async lineagesOf(certificationIds: readonly string[]): Promise<Map<string, Lineage>> {
    const known = new Map<string, KnownCertificationRow>();
    const asked = new Set<string>(certificationIds);
    let frontier = [...asked];
    while (frontier.length > 0) {
      const rows = await this.manager.find(KnownCertificationRow, {
        where: [{ id: In(frontier) }, { revisesId: In(frontier) }, { revisedById: In(frontier) }],
        ...readLock(this.lock),
      });
      for (const row of rows) known.set(row.id, row);
      frontier = rows
        .flatMap((row) => [row.id, row.revisesId, row.revisedById])
        .filter((id): id is string => id !== null && !asked.has(id));
      frontier = [...new Set(frontier)];
      frontier.forEach((id) => asked.add(id));
    }
    const versions = [...known.values()].map(toKnownCertification);
    const lineages = new Map<string, Lineage>();
    for (const id of new Set(certificationIds)) {
      if (known.has(id)) lineages.set(id, orderLineage(id, versions));
    }
    return lineages;
  }
}
