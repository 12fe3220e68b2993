import { In, type DataSource, type SelectQueryBuilder } from 'typeorm';
import type { LocalDate } from '@certif/platform-calendar';
import type {
  CpfBatch,
  CpfBatchSummary,
  CpfCounts,
  CpfDepositStore,
  CpfOutcomeApplied,
  CpfOverdueParchemin,
  CpfPendingParchemin,
  CpfWithdrawal,
  CpfPassageStatus,
} from '@certif/issuing-application';
import { CredentialRow } from './credential.row';
import { CpfBatchRow, CpfPassageRow } from './cpf-deposit.rows';

/** Statuses that keep a parchemin out of the next export: sent and awaiting, or deposited. */
const LIVE: CpfPassageStatus[] = ['SENT', 'ACCEPTED'];
const INSERT_CHUNK = 1000;

/** The deposits' tables, and the queries of parchemins the deposit needs. */
export class TypeOrmCpfDepositStore implements CpfDepositStore {
  constructor(private readonly dataSource: DataSource) {}

  private validParchemins(): SelectQueryBuilder<CredentialRow> {
    return this.dataSource.manager
      .createQueryBuilder(CredentialRow, 'c')
      .where('c.status = :valid', { valid: 'VALID' });
  }

  private notLive(query: SelectQueryBuilder<CredentialRow>, status: CpfPassageStatus[] = LIVE) {
    return query.andWhere(
      'NOT EXISTS (SELECT 1 FROM cpf_passage p WHERE p.credentialId = c.id AND p.status IN (:...live))',
      { live: status },
    );
  }

  async pendingByCertification(): Promise<{ certificationId: string; count: number }[]> {
    const rows = await this.notLive(this.validParchemins())
      .select('c.certificationId', 'certificationId')
      .addSelect('COUNT(*)', 'count')
      .groupBy('c.certificationId')
      .getRawMany<{ certificationId: string; count: string | number }>();
    return rows.map((r) => ({ certificationId: r.certificationId, count: Number(r.count) }));
  }

  async certificationsWithValidParchemins(): Promise<string[]> {
    const rows = await this.validParchemins()
      .select('DISTINCT c.certificationId', 'certificationId')
      .getRawMany<{ certificationId: string }>();
    return rows.map((r) => r.certificationId);
  }

  async pendingParchemins(
    certificationIds: readonly string[],
    afterId: string | null,
    limit: number,
  ): Promise<CpfPendingParchemin[]> {
    if (certificationIds.length === 0) return [];
    const query = this.notLive(this.validParchemins()).andWhere('c.certificationId IN (:...ids)', {
      ids: [...certificationIds],
    });
    if (afterId) query.andWhere('c.id > :afterId', { afterId });
    const rows = await query.orderBy('c.id', 'ASC').take(limit).getMany();
    return rows.map((row) => ({
      parcheminId: row.id,
      number: row.number,
      candidateId: row.candidateId,
      certificationId: row.certificationId,
      obtainedOn: row.obtainedOn,
      content: row.content,
    }));
  }

  async recordBatch(
    batch: CpfBatch,
    passages: { parcheminId: string; idTechnique: string }[],
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(CpfBatchRow, {
        idFlux: batch.idFlux,
        certifierName: batch.certifier.name.slice(0, 300),
        certifierSiret: batch.certifier.siret,
        cpfClientId: batch.certifier.cpfClientId,
        cpfContractId: batch.certifier.cpfContractId,
        fileName: batch.fileName,
        createdAt: batch.createdAt,
        passageCount: batch.passageCount,
      });
      for (let i = 0; i < passages.length; i += INSERT_CHUNK) {
        await manager.insert(
          CpfPassageRow,
          passages.slice(i, i + INSERT_CHUNK).map((p) => ({
            idFlux: batch.idFlux,
            credentialId: p.parcheminId,
            idTechnique: p.idTechnique,
            status: 'SENT',
            message: null,
            processedAt: null,
          })),
        );
      }
    });
  }

  async applyOutcome(
    idTechnique: string,
    outcome: { accepted: boolean; message: string | null },
    at: Date,
  ): Promise<CpfOutcomeApplied> {
    const status: CpfPassageStatus = outcome.accepted ? 'ACCEPTED' : 'REJECTED';
    const result = await this.dataSource.manager.update(
      CpfPassageRow,
      { idTechnique, status: 'SENT' },
      {
        status,
        message: outcome.accepted ? null : (outcome.message ?? '').slice(0, 1000) || null,
        processedAt: at,
      },
    );
    if ((result.affected ?? 0) > 0) return status;
    const known = await this.dataSource.manager.count(CpfPassageRow, { where: { idTechnique } });
    return known > 0 ? 'ALREADY_APPLIED' : 'UNKNOWN';
  }

  async counts(
    titleCertificationIds: readonly string[],
    overdueBefore: LocalDate,
  ): Promise<CpfCounts> {
    const awaitingReport = await this.dataSource.manager.count(CpfPassageRow, {
      where: { status: 'SENT' },
    });
    if (titleCertificationIds.length === 0) return { pending: 0, overdue: 0, awaitingReport };
    const row = await this.notLive(this.validParchemins(), ['ACCEPTED'])
      .andWhere('c.specializationKey = :title', { title: '' })
      .andWhere('c.certificationId IN (:...ids)', { ids: [...titleCertificationIds] })
      .select('COUNT(*)', 'pending')
      .addSelect('SUM(CASE WHEN c.obtainedOn < :before THEN 1 ELSE 0 END)', 'overdue')
      .setParameter('before', overdueBefore)
      .getRawOne<{ pending: string | number; overdue: string | number | null }>();
    return {
      pending: Number(row?.pending ?? 0),
      overdue: Number(row?.overdue ?? 0),
      awaitingReport,
    };
  }

  async batches(limit: number): Promise<CpfBatchSummary[]> {
    const rows = await this.dataSource.manager.find(CpfBatchRow, {
      order: { createdAt: 'DESC', idFlux: 'DESC' },
      take: limit,
    });
    if (rows.length === 0) return [];
    const tallies = await this.dataSource.manager
      .createQueryBuilder(CpfPassageRow, 'p')
      .select('p.idFlux', 'idFlux')
      .addSelect('p.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .where({ idFlux: In(rows.map((r) => r.idFlux)) })
      .groupBy('p.idFlux')
      .addGroupBy('p.status')
      .getRawMany<{ idFlux: string; status: string; count: string | number }>();
    const tally = (idFlux: string, status: string) =>
      Number(tallies.find((t) => t.idFlux === idFlux && t.status === status)?.count ?? 0);
    return rows.map((r) => ({
      idFlux: r.idFlux,
      certifier: {
        name: r.certifierName,
        siret: r.certifierSiret,
        cpfClientId: r.cpfClientId,
        cpfContractId: r.cpfContractId,
      },
      fileName: r.fileName,
      createdAt: r.createdAt,
      passageCount: r.passageCount,
      accepted: tally(r.idFlux, 'ACCEPTED'),
      rejected: tally(r.idFlux, 'REJECTED'),
      awaitingReport: tally(r.idFlux, 'SENT'),
    }));
  }

  async overdue(
    titleCertificationIds: readonly string[],
    overdueBefore: LocalDate,
    limit: number,
  ): Promise<CpfOverdueParchemin[]> {
    if (titleCertificationIds.length === 0) return [];
    const rows = await this.notLive(this.validParchemins(), ['ACCEPTED'])
      .andWhere('c.specializationKey = :title', { title: '' })
      .andWhere('c.certificationId IN (:...ids)', { ids: [...titleCertificationIds] })
      .andWhere('c.obtainedOn < :before', { before: overdueBefore })
      .orderBy('c.obtainedOn', 'ASC')
      .addOrderBy('c.number', 'ASC')
      .take(limit)
      .getMany();
    if (rows.length === 0) return [];
    const passages = await this.dataSource.manager.find(CpfPassageRow, {
      where: { credentialId: In(rows.map((r) => r.id)) },
    });
    return rows.map((r) => {
      const last = passages
        .filter((p) => p.credentialId === r.id)
        .sort(
          (a, b) => (a.processedAt?.getTime() ?? Infinity) - (b.processedAt?.getTime() ?? Infinity),
        )
        .at(-1);
      return {
        number: r.number,
        candidateId: r.candidateId,
        obtainedOn: r.obtainedOn,
        lastStatus: (last?.status as CpfPassageStatus | undefined) ?? null,
        lastError: last?.message ?? null,
      };
    });
  }

  async withdrawals(limit: number): Promise<CpfWithdrawal[]> {
    const rows = await this.dataSource.manager
      .createQueryBuilder(CredentialRow, 'c')
      .innerJoin(CpfPassageRow, 'p', 'p.credentialId = c.id AND p.status = :accepted', {
        accepted: 'ACCEPTED',
      })
      .select(['c.number AS number', 'c.candidateId AS candidateId', 'p.idFlux AS idFlux'])
      .addSelect(['c.revokedAt AS revokedAt', 'c.revocationReason AS revocationReason'])
      .where('c.status = :revoked', { revoked: 'REVOKED' })
      .orderBy('c.number', 'ASC')
      .limit(limit)
      .getRawMany<{
        number: string;
        candidateId: string;
        idFlux: string;
        revokedAt: Date | string | null;
        revocationReason: string | null;
      }>();
    return rows.map((r) => ({
      number: r.number,
      candidateId: r.candidateId,
      idFlux: r.idFlux,
      revokedAt: r.revokedAt === null ? null : new Date(r.revokedAt),
      revocationReason: r.revocationReason,
    }));
  }
}
