import { Arg, Authorized, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { DateScalar } from '@certif/platform-graphql';
import type { LocalDate } from '@certif/platform-calendar';
import { cpfDepositDeadline } from '@certif/issuing-domain';
import type { CpfDepositsQueries } from '@certif/issuing-application';

@ObjectType('CpfDepositBatch', { description: 'A deposit file sent to the Caisse des Dépôts.' })
export class CpfDepositBatchType {
  @Field(() => String)
  idFlux!: string;

  @Field(() => String)
  certifierName!: string;

  @Field(() => String, { nullable: true })
  certifierSiret!: string | null;

  @Field(() => String)
  fileName!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Int)
  passages!: number;

  @Field(() => Int)
  accepted!: number;

  @Field(() => Int)
  rejected!: number;

  @Field(() => Int, { description: 'Sent; the processing report has not said yet.' })
  awaitingReport!: number;
}

@ObjectType('CpfOverdueParchemin')
export class CpfOverdueParcheminType {
  @Field(() => String)
  number!: string;

  @Field(() => String)
  candidateId!: string;

  @Field(() => DateScalar)
  obtainedOn!: LocalDate;

  @Field(() => DateScalar, { description: 'obtainedOn + 3 months.' })
  depositDeadline!: LocalDate;

  @Field(() => String, { nullable: true, description: 'SENT, REJECTED, or null: never sent.' })
  lastStatus!: string | null;

  @Field(() => String, { nullable: true, description: "The Caisse des Dépôts' rejection." })
  lastError!: string | null;
}

@ObjectType('CpfWithdrawal', { description: 'A parchemin revoked after its deposit.' })
export class CpfWithdrawalType {
  @Field(() => String)
  number!: string;

  @Field(() => String)
  candidateId!: string;

  @Field(() => String)
  idFlux!: string;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;

  @Field(() => String, { nullable: true })
  revocationReason!: string | null;
}

@ObjectType('CpfDeposits', {
  description:
    'The deposit of holders with the Caisse des Dépôts: each VALID parchemin of an RNCP/RS ' +
    'certification accepted within three months of obtainedOn.',
})
export class CpfDepositsType {
  @Field(() => [CpfDepositBatchType], { description: 'Newest first.' })
  batches!: CpfDepositBatchType[];

  @Field(() => Int, {
    description: 'VALID parchemins not yet accepted (awaiting a report included).',
  })
  pending!: number;

  @Field(() => Int, { description: 'Of those, past the three months.' })
  overdue!: number;

  @Field(() => Int)
  awaitingReport!: number;

  @Field(() => [CpfOverdueParcheminType], { description: 'The oldest first.' })
  overdueParchemins!: CpfOverdueParcheminType[];

  @Field(() => [CpfWithdrawalType])
  withdrawals!: CpfWithdrawalType[];
}

@Resolver()
export class CpfDepositsResolver {
  constructor(private readonly deposits: CpfDepositsQueries) {}

  @Authorized('ADMIN')
  @Query(() => CpfDepositsType, { description: 'ADMIN: deposits with the Caisse des Dépôts.' })
  async cpfDeposits(
    @Arg('first', () => Int, {
      nullable: true,
      description: 'Batches and parchemins listed (≤ 500).',
    })
    first: number | null,
  ): Promise<CpfDepositsType> {
    const limit = Math.min(Math.max(first ?? 50, 1), 500);
    const overview = await this.deposits.overview({ batches: limit, parchemins: limit });
    return {
      pending: overview.pending,
      overdue: overview.overdue,
      awaitingReport: overview.awaitingReport,
      batches: overview.batches.map((b) => ({
        idFlux: b.idFlux,
        certifierName: b.certifier.name,
        certifierSiret: b.certifier.siret,
        fileName: b.fileName,
        createdAt: b.createdAt,
        passages: b.passageCount,
        accepted: b.accepted,
        rejected: b.rejected,
        awaitingReport: b.awaitingReport,
      })),
      overdueParchemins: overview.overdueParchemins.map((p) => ({
        ...p,
        depositDeadline: cpfDepositDeadline(p.obtainedOn),
      })),
      withdrawals: overview.withdrawals.map((w) => ({ ...w })),
    };
  }
}
