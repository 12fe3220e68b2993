import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import {
  connectionTypes,
  DateScalar,
  decodeCursor,
  pageSize,
  toConnection,
} from '@certif/platform-graphql';
import type { LocalDate } from '@certif/platform-calendar';
import type {
  CertificationQueries,
  CloseCertificationService,
  CreateCertificationService,
  PublishCertificationService,
  ReviseCertificationService,
  SetCertifierCpfIdentifiersService,
} from '@certif/referentials-application';
import type { Certification } from '@certif/referentials-domain';
import { CertificationFilter, CertificationInput, RevisionInput } from './certification.inputs';
import { toCertificationDraft, toCertificationType, toRevisionDraft } from './certification.mapper';
import { CertificationType, CorrespondenceType } from './certification.types';
import type { ReferentialsContext } from './referentials-context';

export const { Connection: CertificationConnection } = connectionTypes(
  CertificationType,
  'Certification',
);

export interface ReferentialsUseCases {
  create: CreateCertificationService;
  publish: PublishCertificationService;
  revise: ReviseCertificationService;
  close: CloseCertificationService;
  setCpfIdentifiers: SetCertifierCpfIdentifiersService;
  queries: CertificationQueries;
}

@Resolver(() => CertificationType)
export class CertificationResolver {
  constructor(private readonly useCases: ReferentialsUseCases) {}

  private view(certification: Certification): CertificationType {
    return toCertificationType(certification, this.useCases.queries.status(certification));
  }

  @Authorized()
  @Query(() => CertificationType, { nullable: true, description: 'By id or by code.' })
  async certification(
    @Arg('id', () => ID, { nullable: true }) id: string | null,
    @Arg('code', () => String, { nullable: true }) code: string | null,
  ): Promise<CertificationType | null> {
    const found = await this.useCases.queries.find({ id, code });
    return found && this.view(found);
  }

  @Authorized()
  @Query(() => CertificationConnection)
  async certifications(
    @Arg('filter', () => CertificationFilter, { nullable: true })
    filter: CertificationFilter | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    const page = await this.useCases.queries.list(filter ?? {}, {
      first: pageSize(first),
      afterCode: decodeCursor(after),
    });
    const connection = toConnection(page, (c) => c.code);
    return {
      ...connection,
      edges: connection.edges.map((e) => ({ cursor: e.cursor, node: this.view(e.node) })),
    };
  }

  @Authorized('REFERENTIAL_MANAGER')
  @Mutation(() => CertificationType, { description: 'Creates a DRAFT.' })
  async createCertification(@Arg('input', () => CertificationInput) input: CertificationInput) {
    return this.view(await this.useCases.create.execute(toCertificationDraft(input)));
  }

  @Authorized('REFERENTIAL_MANAGER')
  @Mutation(() => CertificationType, { description: 'DRAFT → ACTIVE.' })
  async publishCertification(@Arg('id', () => ID) id: string) {
    return this.view(await this.useCases.publish.execute(id));
  }

  @Authorized('REFERENTIAL_MANAGER')
  @Mutation(() => CertificationType, {
    description: 'R4: a new ACTIVE version; the old one becomes REVISED.',
  })
  async reviseCertification(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => RevisionInput) input: RevisionInput,
  ) {
    return this.view(await this.useCases.revise.execute(id, toRevisionDraft(input)));
  }

  @Authorized('REFERENTIAL_MANAGER')
  @Mutation(() => CertificationType, {
    description:
      "The certifier's identifiers with the Caisse des Dépôts (cpfClientId: 8 characters, " +
      'cpfContractId: up to 20), needed to deposit its holders; any status. Null clears one.',
  })
  async setCertifierCpfIdentifiers(
    @Arg('id', () => ID) id: string,
    @Arg('cpfClientId', () => String, { nullable: true }) cpfClientId: string | null,
    @Arg('cpfContractId', () => String, { nullable: true }) cpfContractId: string | null,
  ) {
    return this.view(
      await this.useCases.setCpfIdentifiers.execute(id, {
        cpfClientId: cpfClientId ?? null,
        cpfContractId: cpfContractId ?? null,
      }),
    );
  }

  @Authorized('REFERENTIAL_MANAGER')
  @Mutation(() => CertificationType, { description: 'R5/R12: registration ends on closedOn.' })
  async closeCertification(
    @Arg('id', () => ID) id: string,
    @Arg('closedOn', () => DateScalar) closedOn: LocalDate,
  ) {
    return this.view(await this.useCases.close.execute(id, closedOn));
  }

  @FieldResolver(() => CertificationType, {
    nullable: true,
    description: 'The version this one revises.',
  })
  revises(@Root() certification: CertificationType, @Ctx() context: ReferentialsContext) {
    return certification.revisesId
      ? context.loaders.certificationById.load(certification.revisesId)
      : null;
  }

  @FieldResolver(() => CertificationType, {
    nullable: true,
    description: 'The version that revised this one.',
  })
  revisedBy(@Root() certification: CertificationType, @Ctx() context: ReferentialsContext) {
    return certification.revisedById
      ? context.loaders.certificationById.load(certification.revisedById)
      : null;
  }

  @FieldResolver(() => [CorrespondenceType])
  correspondences(@Root() certification: CertificationType): CorrespondenceType[] {
    return certification.correspondenceLinks;
  }
}
