import {
  cpfCertificationOf,
  cpfOverdueObtainedBefore,
  parcheminContent,
} from '@certif/issuing-domain';
import type {
  CpfBatchSummary,
  CpfDepositStore,
  CpfOverdueParchemin,
  CpfWithdrawal,
  IssuingDependencies,
} from '../ports';

export interface CpfDepositsOverview {
  pending: number;
  overdue: number;
  awaitingReport: number;
  batches: CpfBatchSummary[];
  overdueParchemins: CpfOverdueParchemin[];
  withdrawals: CpfWithdrawal[];
}

/**
 * What is deposited, pending and late. The deadline: each VALID parchemin of an RNCP/RS
 * certification accepted by the Caisse des Dépôts within three months of `obtainedOn`.
 */
export class CpfDepositsQueries {
  constructor(
    private readonly deps: Pick<IssuingDependencies, 'unitOfWork' | 'clock'>,
    private readonly store: CpfDepositStore,
  ) {}

  /** The versions whose title parchemins must be deposited (an RNCP or RS code). */
  private async depositableVersionIds(): Promise<string[]> {
    const ids = await this.store.certificationsWithValidParchemins();
    const lineages = await this.deps.unitOfWork.reader.certifications.lineagesOf(ids);
    return ids
      .map((id) => lineages.get(id)?.versions.find((v) => v.id === id))
      .filter((v) => v !== undefined && cpfCertificationOf(parcheminContent(v, [])) !== null)
      .map((v) => (v as { id: string }).id);
  }

  async overdueCount(): Promise<number> {
    const ids = await this.depositableVersionIds();
    const counts = await this.store.counts(ids, cpfOverdueObtainedBefore(this.deps.clock.today()));
    return counts.overdue;
  }

  async overview(
    limits: { batches?: number; parchemins?: number } = {},
  ): Promise<CpfDepositsOverview> {
    const ids = await this.depositableVersionIds();
    const before = cpfOverdueObtainedBefore(this.deps.clock.today());
    const counts = await this.store.counts(ids, before);
    return {
      ...counts,
      batches: await this.store.batches(limits.batches ?? 50),
      overdueParchemins: await this.store.overdue(ids, before, limits.parchemins ?? 100),
      withdrawals: await this.store.withdrawals(limits.parchemins ?? 100),
    };
  }
}
