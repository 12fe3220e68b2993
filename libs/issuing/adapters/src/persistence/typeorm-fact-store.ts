import { In, type EntityManager } from 'typeorm';
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

export class TypeOrmFactStore implements FactStore {
  constructor(
    private readonly manager: EntityManager,
    private readonly lock = false,
  ) {}

  async addAcquisition(candidateId: string, a: ComponentAcquisition): Promise<void> {
    await this.insertOnce(AcquiredComponentRow, toAcquiredComponentRow(candidateId, a, new Date()));
  }

  async addDecision(candidateId: string, d: TitleDecision): Promise<void> {
    await this.insertOnce(TitleDecisionRow, toTitleDecisionRow(candidateId, d, new Date()));
  }

  async addCorrection(candidateId: string, c: DecisionCorrection): Promise<void> {
    await this.insertOnce(
      DecisionCorrectionRow,
      toDecisionCorrectionRow(candidateId, c, new Date()),
    );
  }

  async ofCandidates(candidateIds: readonly string[]): Promise<CandidateFacts> {
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

  /** A replayed fact (same key) is already there: nothing to add, and not an error. */
  private async insertOnce<T extends object>(entity: new () => T, row: T): Promise<void> {
    try {
      await this.manager.insert(entity, row as never);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
}
