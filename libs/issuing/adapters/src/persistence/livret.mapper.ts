import type { StoredLivret } from '@certif/issuing-application';
import type { LivretStatus } from '@certif/issuing-domain';
import { LivretRow } from './livret.row';

export function toStoredLivret(row: LivretRow): StoredLivret {
  return {
    id: row.id,
    candidateId: row.candidateId,
    lineageRootId: row.lineageRootId,
    certificationId: row.certificationId,
    status: row.status as LivretStatus,
    capitalizationDeadline: row.capitalizationDeadline,
    lapsesAfter: row.lapsesAfter,
    version: row.version,
  };
}

export function toLivretRow(livret: StoredLivret, updatedAt: Date): LivretRow {
  return Object.assign(new LivretRow(), {
    id: livret.id,
    candidateId: livret.candidateId,
    lineageRootId: livret.lineageRootId,
    certificationId: livret.certificationId,
    status: livret.status,
    capitalizationDeadline: livret.capitalizationDeadline,
    lapsesAfter: livret.lapsesAfter,
    version: livret.version,
    updatedAt,
  });
}
