import { isBefore, type LocalDate } from '@certif/platform-calendar';
import type { Lineage } from './certification-lineage';
import type { ComponentAcquisition } from './facts';

/** A component of one version that the candidate holds, and since when. */
export interface HeldComponent {
  componentId: string;
  acquiredOn: LocalDate;
  /** R4: held through components of an earlier version rather than sat on this one. */
  viaCorrespondence: boolean;
  /** The session of the (latest) acquisition it comes from, when known. */
  sessionId: string | null;
}

/** Earliest first; at the same date a direct acquisition before one through a correspondence. */
function better(a: HeldComponent, b: HeldComponent | undefined): boolean {
  if (!b) return true;
  if (a.acquiredOn !== b.acquiredOn) return isBefore(a.acquiredOn, b.acquiredOn);
  return !a.viaCorrespondence && b.viaCorrespondence;
}

function keep(held: Map<string, HeldComponent>, candidate: HeldComponent): void {
  if (better(candidate, held.get(candidate.componentId)))
    held.set(candidate.componentId, candidate);
}

/**
 * R4: what the candidate holds on the lineage's current version. Version by version, a component
 * is held when sat on that version, or when every old component its correspondence names is held
 * (then since the latest of them). A component held several ways counts from the earliest.
 */
export function heldOnCurrentVersion(
  lineage: Lineage,
  acquisitions: readonly ComponentAcquisition[],
): Map<string, HeldComponent> {
  let previous = new Map<string, HeldComponent>();
  for (const version of lineage.versions) {
    const components = new Set(version.components.map((c) => c.id));
    const held = new Map<string, HeldComponent>();
    for (const a of acquisitions) {
      if (a.certificationId !== version.id || !components.has(a.componentId)) continue;
      keep(held, {
        componentId: a.componentId,
        acquiredOn: a.acquiredOn,
        viaCorrespondence: false,
        sessionId: a.sessionId,
      });
    }
    for (const link of version.correspondences) {
      const sources = link.fromComponentIds.map((id) => previous.get(id));
      if (sources.length === 0 || !components.has(link.toComponentId)) continue;
      if (sources.some((source) => source === undefined)) continue;
      const latest = (sources as HeldComponent[]).reduce((a, b) =>
        isBefore(a.acquiredOn, b.acquiredOn) ? b : a,
      );
      keep(held, { ...latest, componentId: link.toComponentId, viaCorrespondence: true });
    }
    previous = held;
  }
  return previous;
}
