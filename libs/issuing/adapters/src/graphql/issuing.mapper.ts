import type {
  CandidateRecords,
  IssuingLinks,
  LivretRecord,
  StoredCredential,
} from '@certif/issuing-application';
import { CredentialType, LivretType } from './issuing.types';

type Verification = Awaited<ReturnType<CandidateRecords['verify']>>;

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

export function toCredentialType(
  credential: StoredCredential,
  links: IssuingLinks,
): CredentialType {
  return Object.assign(new CredentialType(), {
    id: credential.id,
    number: credential.number,
    status: credential.status,
    issuedOn: credential.issuedOn,
    obtainedOn: credential.obtainedOn,
    verificationCode: credential.verificationCode,
    certification: { id: credential.certificationId },
    specializationId: credential.specializationId,
    revokedAt: credential.revokedAt,
    revocationReason: credential.revocationReason,
    verificationUrl: links.verification(credential.verificationCode),
    pdfUrl: links.credentialPdf(credential.id),
    verifiableCredentialUrl: links.verifiableCredential(credential.id),
  });
}

export function toVerificationType(verification: Verification) {
  return { ...verification };
}
