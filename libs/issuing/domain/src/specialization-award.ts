import { compareLocalDates } from '@certif/platform-calendar';
import type { CertificationVersion, Lineage } from './certification-lineage';
import { awardsTheTitle, type TitleDecision } from './facts';

export interface SpecializationAward {
  specialization: { id: string; code: string; title: string };
  /** The version whose referential lists the specialization. */
  certification: CertificationVersion;
  decision: TitleDecision;
}

/**
 * R7: the CCS a jury awarded in this lineage (a SPECIALIZATION session's title-awarded), one per
 * specialization code — codes survive revisions, ids do not — from the earliest decision. Whether
 * a CCS parchemin may be issued also needs a valid parchemin of the title: the caller checks it.
 * A decision naming a specialization the referential does not list is left out.
 */
export function specializationsAwarded(
  lineage: Lineage,
  decisions: readonly TitleDecision[],
): SpecializationAward[] {
  const byCode = new Map<string, SpecializationAward>();
  const ordered = [...decisions].sort(
    (a, b) =>
      compareLocalDates(a.decidedOn, b.decidedOn) || a.decisionId.localeCompare(b.decisionId),
  );
  for (const decision of ordered) {
    if (
      decision.scope !== 'SPECIALIZATION' ||
      !decision.specializationId ||
      !awardsTheTitle(decision)
    )
      continue;
    const certification = lineage.versions.find((v) => v.id === decision.certificationId);
    const specialization = certification?.specializations.find(
      (s) => s.id === decision.specializationId,
    );
    if (!certification || !specialization || byCode.has(specialization.code)) continue;
    byCode.set(specialization.code, { specialization, certification, decision });
  }
  return [...byCode.values()];
}
