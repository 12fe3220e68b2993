import type { LocalDate } from '@certif/platform-calendar';

export type CapitalizationRule =
  'FIVE_YEARS_FROM_FIRST_COMPONENT' | 'WITHIN_TITLE_VALIDITY' | 'UNLIMITED';
export type CertificationKind = 'PROFESSIONAL_TITLE' | 'RNCP_CERTIFICATION';

export interface VersionComponent {
  id: string;
  code: string;
  title: string;
  position: number;
}

/**
 * One version of a certification as issuing knows it from referentials.certification.v1: the
 * facts the livret rules need, and what documents print.
 */
export interface CertificationVersion {
  id: string;
  code: string;
  rncpCode: string | null;
  title: string;
  kind: CertificationKind;
  level: number;
  /** With the identifiers the Caisse des Dépôts gives it, once referentials has them. */
  certifier: {
    name: string;
    siret: string | null;
    cpfClientId?: string | null;
    cpfContractId?: string | null;
  };
  registeredFrom: LocalDate | null;
  registeredUntil: LocalDate | null;
  capitalizationRule: CapitalizationRule;
  requiresFinalInterview: boolean;
  components: VersionComponent[];
  specializations: { id: string; code: string; title: string }[];
  revisesId: string | null;
  revisedById: string | null;
  /** R4: from components of `revisesId` to components of this version. */
  correspondences: { fromComponentIds: string[]; toComponentId: string }[];
  version: number;
}

/** A certification and its revisions, oldest first; the last one is the current version. */
export interface Lineage {
  /**
   * Identifies the lineage for good: the oldest version known, or the version it revises when
   * that one has not reached issuing yet.
   */
  rootId: string;
  versions: CertificationVersion[];
}

export function currentVersion(lineage: Lineage): CertificationVersion {
  const current = lineage.versions[lineage.versions.length - 1];
  if (!current) throw new Error(`lineage ${lineage.rootId} has no version`);
  return current;
}

/**
 * Orders the known versions connected to `certificationId` into a chain (R4: a version is revised
 * at most once). Links are read from both ends, so a version missing in the middle is bridged by
 * its neighbours' `revisesId` / `revisedById` when one of them names the other.
 */
export function orderLineage(
  certificationId: string,
  known: readonly CertificationVersion[],
): Lineage {
  const byId = new Map(known.map((v) => [v.id, v]));
  const start = byId.get(certificationId);
  if (!start) throw new Error(`certification ${certificationId} is not known`);
  const previousOf = (v: CertificationVersion) =>
    (v.revisesId ? byId.get(v.revisesId) : undefined) ?? known.find((k) => k.revisedById === v.id);
  const nextOf = (v: CertificationVersion) =>
    (v.revisedById ? byId.get(v.revisedById) : undefined) ??
    known.find((k) => k.revisesId === v.id);

  const versions = [start];
  const seen = new Set([start.id]);
  for (let v = previousOf(start); v && !seen.has(v.id); v = previousOf(v)) {
    versions.unshift(v);
    seen.add(v.id);
  }
  for (let v = nextOf(start); v && !seen.has(v.id); v = nextOf(v)) {
    versions.push(v);
    seen.add(v.id);
  }
  const oldest = versions[0] as CertificationVersion;
  return { rootId: oldest.revisesId ?? oldest.id, versions };
}
