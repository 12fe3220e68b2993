import { In, type EntityManager } from 'typeorm';
import {
  concurrentChange,
  type CandidateDirectory,
  type CandidateIdentity,
} from '@certif/issuing-application';
import { readLock } from './read-lock';
import { isDuplicateKey } from '@certif/platform-persistence';
import { toCandidateIdentity, toKnownCandidateRow } from './known-candidate.mapper';
import { KnownCandidateRow } from './known-candidate.row';

export class TypeOrmCandidateDirectory implements CandidateDirectory {
  /** Candidates this transaction has locked already: a batch asks for each more than once. */
  private readonly locked = new Set<string>();

  constructor(
    private readonly manager: EntityManager,
    private readonly lock = false,
  ) {}

  async save(identity: CandidateIdentity): Promise<void> {
    const stored = await this.manager.findOne(KnownCandidateRow, {
      where: { id: identity.id },
      ...readLock(this.lock),
    });
    if (!stored) {
      try {
        await this.manager.insert(KnownCandidateRow, toKnownCandidateRow(identity));
        return;
      } catch (error) {
        if (isDuplicateKey(error)) throw concurrentChange(`candidate ${identity.id}`);
        throw error;
      }
    }
    // R13: erasure is final; a late or replayed state never brings a name back.
    if (
      stored.version >= identity.version ||
      (stored.erasedAt !== null && identity.erasedAt === null)
    )
      return;
    const { id, ...fields } = toKnownCandidateRow(identity);
    // A state without the register's data (an older event) leaves what is known of it.
    if (identity.register === undefined) delete (fields as Partial<KnownCandidateRow>).register;
    const result = await this.manager.update(
      KnownCandidateRow,
      { id, version: stored.version },
      fields,
    );
    if (result.affected === 0) throw concurrentChange(`candidate ${identity.id}`);
  }

  /**
   * An exclusive lock on the candidate's row, taken first: a component and a title of one
   * candidate, handled at once from their two topics, each inserted its fact and then waited for
   * the other's in a locking read — a deadlock, retried after 200 ms. Now one waits for the
   * other. An unknown candidate has no row to lock: the deadlock, retried, stays possible there.
   * Several are locked in one statement, in key order, so that two batches never wait for each
   * other's candidates in opposite orders.
   */
  async lockFacts(...candidateIds: readonly string[]): Promise<void> {
    if (!this.lock) return;
    const ids = [...new Set(candidateIds)].filter((id) => !this.locked.has(id)).sort();
    if (ids.length === 0) return;
    await this.manager
      .createQueryBuilder(KnownCandidateRow, 'c')
      .select('c.id')
      .where('c.id IN (:...ids)', { ids })
      .orderBy('c.id')
      .setLock('pessimistic_write')
      .getRawMany();
    for (const id of ids) this.locked.add(id);
  }

  async findByIds(ids: readonly string[]): Promise<CandidateIdentity[]> {
    if (ids.length === 0) return [];
    const rows = await this.manager.find(KnownCandidateRow, {
      where: { id: In([...new Set(ids)]) },
      ...readLock(this.lock),
    });
    return rows.map(toCandidateIdentity);
  }
}
