import { isAfter, type LocalDate } from '@certif/platform-calendar';
import type { Pathway } from './pathway';

export const CERTIFICATION_STATUSES = ['DRAFT', 'ACTIVE', 'REVISED', 'CLOSED'] as const;
export type CertificationStatus = (typeof CERTIFICATION_STATUSES)[number];

/**
 * What the candidates service knows of a certification: its local copy of the latest state that
 * referentials published (referentials.certification.v1), enough to decide on an enrolment
 * without calling another service.
 */
export interface KnownCertification {
  id: string;
  code: string;
  title: string;
  /** False only for a state published while the certification was a DRAFT. */
  published: boolean;
  registeredFrom: LocalDate | null;
  registeredUntil: LocalDate | null;
  /** R4: the version this one revises, and the one that revised it. */
  revisesId: string | null;
  revisedById: string | null;
  /** R6: minimum years of experience for VAE, when the certification states one. */
  vaeMinimumExperienceYears: number | null;
  /** The access routes the certification's fiche opens (every route when it states none). */
  pathways: Pathway[];
  /** The referentials version of this state: a stale state never replaces a newer one. */
  version: number;
}

/**
 * The status today, recomputed from the dates rather than read from the event (which gives the
 * status at the time of the change): CLOSED once today is past registeredUntil, whose last day
 * still counts (R12); REVISED once a newer version exists; ACTIVE otherwise.
 */
export function certificationStatusOn(
  certification: Pick<KnownCertification, 'published' | 'registeredUntil' | 'revisedById'>,
  today: LocalDate,
): CertificationStatus {
  if (!certification.published) return 'DRAFT';
  if (certification.registeredUntil && isAfter(today, certification.registeredUntil)) {
    return 'CLOSED';
  }
  if (certification.revisedById) return 'REVISED';
  return 'ACTIVE';
}

/** True when `incoming` may replace `stored` in the read model: only a newer version does. */
export function supersedes(
  incoming: Pick<KnownCertification, 'version'>,
  stored: Pick<KnownCertification, 'version'> | null,
): boolean {
  return stored === null || incoming.version > stored.version;
}

/** The neighbours of a version in its lineage (R4): the one it revises and the one revising it. */
export function lineageNeighbours(
  certification: Pick<KnownCertification, 'revisesId' | 'revisedById'>,
): string[] {
  return [certification.revisesId, certification.revisedById].filter(
    (id): id is string => id !== null,
  );
}

/** The newest known version of a lineage, following revisedBy links from `from`. */
export function newestVersion(
  from: KnownCertification,
  lineage: ReadonlyMap<string, KnownCertification>,
): KnownCertification {
  let current = from;
  const seen = new Set<string>([current.id]);
  while (current.revisedById) {
    const next = lineage.get(current.revisedById);
    if (!next || seen.has(next.id)) break;
    seen.add(next.id);
    current = next;
  }
  return current;
}
