import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '@certif/platform-graphql';
import type { LocalDate } from '@certif/platform-calendar';
import type { ParcheminStatus, LivretStatus } from '@certif/issuing-domain';
import { CredentialStatusEnum, LivretStatusEnum } from './enums';
import { CertificationReference, ComponentReference } from './references.types';

@ObjectType('AcquiredComponent')
export class AcquiredComponentType {
  @Field(() => ComponentReference, { description: "A component of the livret's current version." })
  component!: ComponentReference;

  @Field(() => DateScalar)
  acquiredOn!: LocalDate;

  @Field(() => Boolean, {
    description: 'R4: held through components of an earlier version of the title.',
  })
  viaCorrespondence!: boolean;

  @Field(() => ID, { nullable: true, description: 'The exam session of the (latest) acquisition.' })
  sessionId!: string | null;
}

@ObjectType('Livret', {
  description: 'The livret de certification: one per candidate and certification lineage.',
})
@Directive('@key(fields: "id")')
export class LivretType {
  @Field(() => ID)
  id!: string;

  @Field(() => LivretStatusEnum)
  status!: LivretStatus;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The last day a component still counts (R2, R5).',
  })
  capitalizationDeadline!: LocalDate | null;

  @Field(() => CertificationReference, { description: 'The current version of the lineage (R4).' })
  certification!: CertificationReference;

  @Field(() => [AcquiredComponentType])
  acquiredComponents!: AcquiredComponentType[];

  @Field(() => [ComponentReference])
  missingComponents!: ComponentReference[];

  @Field(() => String, {
    description: 'The livret as a PDF (bearer token of the holder or a session manager).',
  })
  pdfUrl!: string;
}

@ObjectType('Credential', { description: 'A parchemin: a full title, or a CCS (R7).' })
@Directive('@key(fields: "id")')
export class CredentialType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  number!: string;

  @Field(() => CredentialStatusEnum)
  status!: ParcheminStatus;

  @Field(() => DateScalar, { description: 'The day issuing delivered the parchemin.' })
  issuedOn!: LocalDate;

  @Field(() => DateScalar, {
    description:
      'The date the title was obtained: that of the jury decision that completed it (or awarded the CCS).',
  })
  obtainedOn!: LocalDate;

  @Field(() => String)
  verificationCode!: string;

  @Field(() => CertificationReference, { description: 'The version the parchemin was issued for.' })
  certification!: CertificationReference;

  @Field(() => ID, { nullable: true, description: 'Set for a CCS parchemin.' })
  specializationId!: string | null;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Why it was revoked (by a session manager, or by a correction of the jury decision). Public: the verification page shows it too.',
  })
  revocationReason!: string | null;

  @Field(() => String, { description: 'The public verification page.' })
  verificationUrl!: string;

  @Field(() => String, {
    description: 'The parchemin as a PDF (bearer token of the holder or a session manager).',
  })
  pdfUrl!: string;

  @Field(() => String, {
    description: 'The signed verifiable credential (Open Badges 3.0, VC-JOSE).',
  })
  verifiableCredentialUrl!: string;
}

@ObjectType('CredentialVerification')
export class CredentialVerificationType {
  @Field(() => Boolean)
  valid!: boolean;

  @Field(() => CredentialStatusEnum, { nullable: true })
  status!: ParcheminStatus | null;

  @Field(() => String, {
    nullable: true,
    description: 'The pseudonym once the holder was erased (R13).',
  })
  holderName!: string | null;

  @Field(() => String, { nullable: true })
  certificationTitle!: string | null;

  @Field(() => DateScalar, { nullable: true })
  issuedOn!: LocalDate | null;

  @Field(() => DateScalar, { nullable: true, description: 'The date the title was obtained.' })
  obtainedOn!: LocalDate | null;

  @Field(() => String, { nullable: true, description: 'Why it was revoked, when it was.' })
  revocationReason!: string | null;
}
