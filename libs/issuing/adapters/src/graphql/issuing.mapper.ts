import type {
  CandidateRecordsQueries,
  IssuingLinks,
  LivretRecord,
} from '@certif/issuing-application';
import type { Parchemin } from '@certif/issuing-domain';
import { CredentialType, LivretType } from './issuing.types';

type Verification = Awaited<ReturnType<CandidateRecordsQueries['verify']>>;

export function toLivretType(record: LivretRecord, links: IssuingLinks): LivretType {
  const { livret, view } = record;
  return Object.assign(new LivretType(), {
    id: livret.id,
    status: view.status,
    capitalizationDeadline: view.capitalizationDeadline,
    certification: { id: view.certificationId },
    acquiredComponents: view.acquiredComponents.map((held) => ({
      component: { id: held.componentId },
      acquiredOn: held.acquiredOn,
      viaCorrespondence: held.viaCorrespondence,
      sessionId: held.sessionId,
    })),
    missingComponents: view.missingComponents.map((c) => ({ id: c.id })),
    pdfUrl: links.livretPdf(livret.id),
  });
}

/** A parchemin as the GraphQL type `Credential` shows it. */
export function toCredentialType(parchemin: Parchemin, links: IssuingLinks): CredentialType {
  return Object.assign(new CredentialType(), {
    id: parchemin.id,
    number: parchemin.number,
    status: parchemin.status,
    issuedOn: parchemin.issuedOn,
    obtainedOn: parchemin.obtainedOn,
    verificationCode: parchemin.verificationCode,
    certification: { id: parchemin.certificationId },
    specializationId: parchemin.specializationId,
    revokedAt: parchemin.revokedAt,
    revocationReason: parchemin.revocationReason,
    verificationUrl: links.verification(parchemin.verificationCode),
    pdfUrl: links.parcheminPdf(parchemin.id),
    verifiableCredentialUrl: links.verifiableCredential(parchemin.id),
  });
}

export function toVerificationType(verification: Verification) {
  return { ...verification };
}
