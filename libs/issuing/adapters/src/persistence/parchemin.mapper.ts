import type { Parchemin, ParcheminStatus } from '@certif/issuing-domain';
import { CredentialRow } from './credential.row';

/** A row of the `credential` table read back as the domain's parchemin. */
export function toParchemin(row: CredentialRow): Parchemin {
  return {
    id: row.id,
    number: row.number,
    candidateId: row.candidateId,
    lineageRootId: row.lineageRootId,
    certificationId: row.certificationId,
    specializationId: row.specializationId,
    specializationKey: row.specializationKey,
    verificationCode: row.verificationCode,
    issuedOn: row.issuedOn,
    obtainedOn: row.obtainedOn,
    issuedAt: row.issuedAt,
    status: row.status as ParcheminStatus,
    content: row.content,
    revokedAt: row.revokedAt,
    revokedBy: row.revokedBy,
    revocationReason: row.revocationReason,
    revokingDecisionId: row.revokingDecisionId,
  };
}

/** The row of a parchemin; `validKey` is its CCS key while VALID (the one-VALID index). */
export function toCredentialRow(parchemin: Parchemin): CredentialRow {
  return Object.assign(new CredentialRow(), {
    id: parchemin.id,
    number: parchemin.number,
    candidateId: parchemin.candidateId,
    lineageRootId: parchemin.lineageRootId,
    certificationId: parchemin.certificationId,
    specializationId: parchemin.specializationId,
    specializationKey: parchemin.specializationKey,
    validKey: parchemin.status === 'VALID' ? parchemin.specializationKey : null,
    verificationCode: parchemin.verificationCode,
    issuedOn: parchemin.issuedOn,
    obtainedOn: parchemin.obtainedOn,
    issuedAt: parchemin.issuedAt,
    status: parchemin.status,
    content: parchemin.content,
    revokedAt: parchemin.revokedAt,
    revokedBy: parchemin.revokedBy,
    revocationReason: parchemin.revocationReason,
    revokingDecisionId: parchemin.revokingDecisionId,
  });
}
