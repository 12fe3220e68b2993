import type {
  CandidateRecords,
  IssuingLinks,
  LivretRecord,
  StoredCredential,
} from '@certif/issuing-application';
import { currentVersion } from '@certif/issuing-domain';
import { CredentialType, LivretType } from './issuing.types';

type Verification = Awaited<ReturnType<CandidateRecords['verify']>>;

export function toLivretType(record: LivretRecord, links: IssuingLinks): LivretType {
  const { livret, view, lineage } = record;
  // The livret's version and its components, as the read model holds them (codes and title are
  // served here, @shareable with referentials).
  const version =
    lineage.versions.find((v) => v.id === view.certificationId) ?? currentVersion(lineage);
  const componentCodes = new Map(
    lineage.versions.flatMap((v) => v.components.map((c) => [c.id, c.code] as const)),
  );
  return Object.assign(new LivretType(), {
    id: livret.id,
    status: view.status,
    capitalizationDeadline: view.capitalizationDeadline,
    certification: { id: view.certificationId, code: version.code, title: version.title },
    acquiredComponents: view.acquiredComponents.map((held) => ({
      component: { id: held.componentId, code: componentCodes.get(held.componentId) ?? '' },
      acquiredOn: held.acquiredOn,
      viaCorrespondence: held.viaCorrespondence,
      sessionId: held.sessionId,
    })),
    missingComponents: view.missingComponents.map((c) => ({ id: c.id, code: c.code })),
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
    certification: {
      id: credential.certificationId,
      code: credential.content.certification.code,
      title: credential.content.certification.title,
    },
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
