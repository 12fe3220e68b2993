import { In, type EntityManager } from 'typeorm';
import type { EventBatch } from '@certif/platform-events';
import type {
  ComponentAcquisition,
  DecisionCorrection,
  TitleDecision,
} from '@certif/issuing-domain';
import type { CandidateFacts, FactStore } from '@certif/issuing-application';
import { readLock } from './read-lock';
import { isDuplicateKey } from '@certif/platform-persistence';
import {
  toAcquiredComponentRow,
  toCandidateAcquisition,
  toCandidateCorrection,
  toCandidateDecision,
  toDecisionCorrectionRow,
  toTitleDecisionRow,
} from './fact.mapper';
import { AcquiredComponentRow, DecisionCorrectionRow, TitleDecisionRow } from './fact.rows';
import { BatchReadAhead, byCandidate } from './batch-read-ahead';

type FactEntity =
  typeof AcquiredComponentRow | typeof TitleDecisionRow | typeof DecisionCorrectionRow;

export class TypeOrmFactStore implements FactStore {
  /** Facts of a batch not written yet: written together before commit, or before a read. */
  private readonly pending: { entity: FactEntity; row: object }[] = [];

  constructor(
    private readonly manager: EntityManager,
    private readonly lock = false,
    /** A batch's read-ahead of its candidates' facts (see BatchReadAhead). */
    private readonly readAhead?: BatchReadAhead<CandidateFacts>,
    /** The consumer's batch: facts are then written with one INSERT per kind. */
    private readonly batch?: EventBatch,
  ) {}

  async addAcquisition(candidateId: string, a: ComponentAcquisition): Promise<void> {
    this.readAhead?.forget(candidateId);
    await this.insertOnce(AcquiredComponentRow, toAcquiredComponentRow(candidateId, a, new Date()));
  }

  async addDecision(candidateId: string, d: TitleDecision): Promise<void> {
    this.readAhead?.forget(candidateId);
    await this.insertOnce(TitleDecisionRow, toTitleDecisionRow(candidateId, d, new Date()));
  }

  async addCorrection(candidateId: string, c: DecisionCorrection): Promise<void> {
    this.readAhead?.forget(candidateId);
    await this.insertOnce(
      DecisionCorrectionRow,
      toDecisionCorrectionRow(candidateId, c, new Date()),
    );
  }

  async ofCandidates(candidateIds: readonly string[]): Promise<CandidateFacts> {
    await this.flush();
    if (!this.readAhead || candidateIds.length === 0) return this.read(candidateIds);
    const each = await this.readAhead.of(candidateIds, async (ids) => {
      const { acquisitions, decisions, corrections } = await this.read(ids);
      const [a, d, c] = [
        byCandidate(ids, acquisitions),
        byCandidate(ids, decisions),
        byCandidate(ids, corrections),
      ];
      return new Map(
        ids.map((id) => [
          id,
          {
            acquisitions: a.get(id) ?? [],
            decisions: d.get(id) ?? [],
            corrections: c.get(id) ?? [],
          },
        ]),
      );
    });
    return {
      acquisitions: each.flatMap((facts) => facts.acquisitions),
      decisions: each.flatMap((facts) => facts.decisions),
      corrections: each.flatMap((facts) => facts.corrections),
    };
  }

  private async read(candidateIds: readonly string[]): Promise<CandidateFacts> {
    if (candidateIds.length === 0) return { acquisitions: [], decisions: [], corrections: [] };
    const ids = In([...new Set(candidateIds)]);
    const [acquisitions, decisions, corrections] = await Promise.all([
      this.manager.find(AcquiredComponentRow, {
        where: { candidateId: ids },
        order: { acquiredOn: 'ASC', decisionId: 'ASC' },
        ...readLock(this.lock),
      }),
      this.manager.find(TitleDecisionRow, {
        where: { candidateId: ids },
        order: { decidedOn: 'ASC', decisionId: 'ASC' },
        ...readLock(this.lock),
      }),
      this.manager.find(DecisionCorrectionRow, {
        where: { candidateId: ids },
        order: { correctedOn: 'ASC', decisionId: 'ASC' },
        ...readLock(this.lock),
      }),
    ]);
    return {
      acquisitions: acquisitions.map(toCandidateAcquisition),
      decisions: decisions.map(toCandidateDecision),
      corrections: corrections.map(toCandidateCorrection),
    };
  }

  async candidatesWithFactsIn(certificationIds: readonly string[]): Promise<string[]> {
    await this.flush();
    if (certificationIds.length === 0) return [];
    const ids = [...new Set(certificationIds)];
    const [acquisitions, decisions, corrections] = await Promise.all([
      this.candidatesIn(AcquiredComponentRow, ids),
      this.candidatesIn(TitleDecisionRow, ids),
      this.candidatesIn(DecisionCorrectionRow, ids),
    ]);
    return [...new Set([...acquisitions, ...decisions, ...corrections].map((r) => r.candidateId))];
  }

  private candidatesIn(
    entity: typeof AcquiredComponentRow | typeof TitleDecisionRow | typeof DecisionCorrectionRow,
    ids: string[],
  ) {
    const query = this.manager
      .createQueryBuilder(entity, 'f')
      .select('DISTINCT f.candidateId', 'candidateId')
      .where('f.certificationId IN (:...ids)', { ids });
    if (this.lock) query.setLock('pessimistic_read');
    return query.getRawMany<{ candidateId: string }>();
  }

  /** The batch's facts not written yet, one multi-row INSERT per kind, a replayed one skipped. */
  async flush(): Promise<void> {
    const pending = this.pending.splice(0);
    for (const entity of new Set(pending.map((fact) => fact.entity))) {
      const rows = pending.filter((fact) => fact.entity === entity).map((fact) => fact.row);
      await this.manager
        .createQueryBuilder()
        .insert()
        .into(entity)
        .values(rows as never)
        // A replayed fact (same key) is already there: left as it is (a no-op update).
        .orUpdate(['decisionId'])
        .updateEntity(false)
        .execute();
    }
  }

  /** A replayed fact (same key) is already there: nothing to add, and not an error. */
  private async insertOnce<T extends object>(entity: FactEntity, row: T): Promise<void> {
    if (this.batch && this.lock) {
      this.pending.push({ entity, row });
      this.batch.beforeCommit('issuing facts', () => this.flush());
      return;
    }
    try {
      await this.manager.insert(entity, row as never);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
}
