import type { StoredCredential } from './ports';

/**
 * The parchemin that stands for (candidate, lineage, title or CCS), if any: the VALID one, else
 * one a person revoked — a revoked parchemin is never re-issued automatically. A parchemin revoked
 * because a correction withdrew the title (R9) does not stand: if the title is earned again, a
 * new one is issued.
 */
export function standingParchemin(
  credentials: readonly StoredCredential[],
  lineageRootId: string,
  specializationKey = '',
): StoredCredential | undefined {
  const mine = credentials.filter(
    (c) => c.lineageRootId === lineageRootId && c.specializationKey === specializationKey,
  );
  return mine.find((c) => c.status === 'VALID') ?? mine.find((c) => c.revokingDecisionId === null);
}
