import { lineageIds, type CertificationView } from '@certif/sessions-domain';
import type { ReadModelReader } from './ports';

/** Every known version of a certification's lineage (R4), one query per step of the chain. */
export async function loadLineage(
  readModels: ReadModelReader,
  start: CertificationView,
): Promise<string[]> {
  const known = new Map([[start.id, start]]);
  const asked = new Set([start.id]);
  let frontier = [start.revisesId, start.revisedById].filter((id): id is string => !!id);
  while (frontier.length > 0) {
    frontier.forEach((id) => asked.add(id));
    const found = await readModels.certificationsByIds(frontier);
    found.forEach((view) => known.set(view.id, view));
    frontier = found
      .flatMap((view) => [view.revisesId, view.revisedById])
      .filter((id): id is string => !!id && !asked.has(id));
  }
  return lineageIds(start.id, known);
}
