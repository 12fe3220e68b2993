import type {
  CandidateRecordsQueries,
  IssuingLinks,
  LivretRecord,
} from '@certif/issuing-application';
import { currentVersion, type Parchemin } from '@certif/issuing-domain';
import { CredentialType, LivretType } from './issuing.types';

type Verification = Awaited<ReturnType<CandidateRecordsQueries['verify']>>;

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

/** A parchemin as the GraphQL type `Credential` shows it. */
export function toCredentialType(parchemin: Parchemin, links: IssuingLinks): CredentialType {
  return Object.assign(new CredentialType(), {
    id: parchemin.id,
    number: parchemin.number,
    status: parchemin.status,
    issuedOn: parchemin.issuedOn,
    obtainedOn: parchemin.obtainedOn,
    verificationCode: parchemin.verificationCode,
    certification: {
      id: parchemin.certificationId,
      code: parchemin.content.certification.code,
      title: parchemin.content.certification.title,
    },
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
