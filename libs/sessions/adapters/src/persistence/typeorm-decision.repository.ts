import { In, IsNull, type EntityManager } from 'typeorm';
import { Conflict } from '@certif/platform-errors';
import type { DecisionRepository } from '@certif/sessions-application';
import type { JuryDecision } from '@certif/sessions-domain';
import { JuryDecisionRow } from './jury-decision.row';
import { toJuryDecision, toJuryDecisionRow } from './sessions.mapper';
import { isDuplicateKey } from '@certif/platform-persistence';

/** Rows per INSERT: well under SQLite's 32 766 bound parameters (12 columns each). */
const INSERT_BATCH = 500;

export class TypeOrmDecisionRepository implements DecisionRepository {
  constructor(private readonly manager: EntityManager) {}

  async findByRegistrations(registrationIds: readonly string[]): Promise<JuryDecision[]> {
    if (registrationIds.length === 0) return [];
    const rows = await this.manager.findBy(JuryDecisionRow, {
      registrationId: In([...new Set(registrationIds)]),
    });
    return rows.map(toJuryDecision);
  }

  async insertMany(decisions: readonly JuryDecision[]): Promise<void> {
    const rows = decisions.map(toJuryDecisionRow);
    try {
      for (let start = 0; start < rows.length; start += INSERT_BATCH) {
        await this.manager
          .createQueryBuilder()
          .insert()
          .into(JuryDecisionRow)
          .values(rows.slice(start, start + INSERT_BATCH))
          .updateEntity(false)
          .execute();
      }
    } catch (error) {
      if (isDuplicateKey(error)) {
        throw new Conflict(
          'this session was already deliberated; a decision is recorded once',
          'sessionId',
          'session-status',
        );
      }
      throw error;
    }
  }

  async insertCorrection(supersededId: string, correction: JuryDecision): Promise<void> {
    try {
      await this.manager.insert(JuryDecisionRow, toJuryDecisionRow(correction));
    } catch (error) {
      if (isDuplicateKey(error)) throw correctedMeanwhile();
      throw error;
    }
    const result = await this.manager
      .createQueryBuilder()
      .update(JuryDecisionRow)
      .set({ supersededById: correction.id })
      .where('id = :id AND supersededById IS NULL', { id: supersededId })
      .execute();
    if ((result.affected ?? 0) !== 1) throw correctedMeanwhile();
  }

  async heldComponentIds(
    candidateId: string,
    certificationIds: readonly string[],
  ): Promise<string[]> {
    if (certificationIds.length === 0) return [];
    const rows = await this.manager.find(JuryDecisionRow, {
      select: { awardedComponentIds: true },
      where: {
        candidateId,
        certificationId: In([...certificationIds]),
        outcome: In(['TITLE_AWARDED', 'COMPONENTS_AWARDED']),
        supersededById: IsNull(),
      },
    });
    return [...new Set(rows.flatMap((row) => row.awardedComponentIds))];
  }
}

function correctedMeanwhile(): Conflict {
  return new Conflict(
    'this decision was corrected meanwhile by someone else: read the decision history and correct the current decision',
    'registrationId',
    'concurrent-correction',
  );
}
