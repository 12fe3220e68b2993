import type { CertificationVersion } from '@certif/issuing-domain';
import { KnownCertificationRow } from './known-certification.row';

/** A version as the read model keeps it. */
export function toKnownCertification(row: KnownCertificationRow): CertificationVersion {
  return {
    id: row.id,
    code: row.code,
    rncpCode: row.rncpCode,
    title: row.title,
    kind: row.kind as CertificationVersion['kind'],
    level: row.level,
    certifier: {
      name: row.certifierName,
      siret: row.certifierSiret,
      // Only when known: a version published before the identifiers reads as it was written.
      ...(row.certifierCpfClientId ? { cpfClientId: row.certifierCpfClientId } : {}),
      ...(row.certifierCpfContractId ? { cpfContractId: row.certifierCpfContractId } : {}),
    },
    registeredFrom: row.registeredFrom,
    registeredUntil: row.registeredUntil,
    capitalizationRule: row.capitalizationRule as CertificationVersion['capitalizationRule'],
    requiresFinalInterview: Boolean(row.requiresFinalInterview),
    components: row.components,
    specializations: row.specializations,
    revisesId: row.revisesId,
    revisedById: row.revisedById,
    correspondences: row.correspondences,
    version: row.version,
  };
}

export function toKnownCertificationRow(v: CertificationVersion): KnownCertificationRow {
  return Object.assign(new KnownCertificationRow(), {
    id: v.id,
    version: v.version,
    code: v.code,
    rncpCode: v.rncpCode,
    title: v.title,
    kind: v.kind,
    level: v.level,
    certifierName: v.certifier.name,
    certifierSiret: v.certifier.siret,
    certifierCpfClientId: v.certifier.cpfClientId ?? null,
    certifierCpfContractId: v.certifier.cpfContractId ?? null,
    registeredFrom: v.registeredFrom,
    registeredUntil: v.registeredUntil,
    capitalizationRule: v.capitalizationRule,
    requiresFinalInterview: v.requiresFinalInterview,
    revisesId: v.revisesId,
    revisedById: v.revisedById,
    components: v.components,
    specializations: v.specializations,
    correspondences: v.correspondences,
  });
}
