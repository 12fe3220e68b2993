import { lineageNeighbours, type KnownCertification } from '@certif/candidates-domain';
import type { KnownCertificationReader } from '../ports';

/**
 * Every known version of a certification's lineage (R4), itself included: follows revises and
 * revisedBy links one generation per query (lineages are a handful of versions).
 */
export async function certificationLineage(
  certifications: KnownCertificationReader,
  start: KnownCertification,
): Promise<Map<string, KnownCertification>> {
  const lineage = new Map([[start.id, start]]);
  let frontier = lineageNeighbours(start);
  while (frontier.length > 0) {
    const found = await certifications.findByIds(frontier);
    found.forEach((c) => lineage.set(c.id, c));
    frontier = found.flatMap(lineageNeighbours).filter((id) => !lineage.has(id));
  }
  return lineage;
}
