import type { Certification, RevisionLink } from '@certif/referentials-domain';
import { publishChanges } from '../certifications';
import type { ImportState, ReferentialsDependencies } from '../ports';
import { RNCP_REGISTER, type ImportReport } from './rncp-export-source';

/**
 * The revision links of an import (R4), once its fiches are in: both ends must be certifications
 * the import made, neither revised or revising elsewhere; what cannot be linked is flagged.
 */
export class RevisionLinks {
  constructor(private readonly deps: ReferentialsDependencies) {}

  /** R4 links the export states, between certifications it made; no correspondences invented. */
  async record(links: RevisionLink[], report: ImportReport, dryRun: boolean) {
    const createdNow = new Set(report.created);
    const unchanged = new Set(report.unchanged);
    const linked = new Set<string>();
    for (let start = 0; start < links.length; start += 200) {
      const slice = links.slice(start, start + 200);
      const states = new Map(
        (
          await this.deps.unitOfWork.reader.findImportStates(
            slice.flatMap((link) => [link.older, link.newer]),
          )
        ).map((state) => [state.code, state]),
      );
      const stateOf = (code: string): ImportState | undefined =>
        states.get(code) ??
        (dryRun && createdNow.has(code)
          ? {
              id: `new:${code}`,
              code,
              importedFrom: { register: RNCP_REGISTER, fingerprint: '' },
              revisesId: null,
              revisedById: null,
              version: 1,
            }
          : undefined);
      const toRecord: RevisionLink[] = [];
      for (const link of slice) {
        const problem = this.linkProblem(link, stateOf(link.older), stateOf(link.newer));
        if (problem === 'linked') continue;
        if (problem) {
          report.flags.push({ code: link.newer, field: 'revises', message: problem });
          continue;
        }
        for (const code of [link.older, link.newer]) linked.add(code);
        toRecord.push(link);
      }
      if (!dryRun && toRecord.length > 0) await this.recordLinks(toRecord, states);
    }
    report.unchanged = report.unchanged.filter((code) => !linked.has(code));
    report.updated.push(...[...linked].filter((code) => unchanged.has(code)));
  }

  private linkProblem(
    link: RevisionLink,
    older: ImportState | undefined,
    newer: ImportState | undefined,
  ): string | 'linked' | null {
    const what = `${link.older} revised by ${link.newer}`;
    if (!older || !newer) {
      const missing = !older ? link.older : link.newer;
      return `${what}: ${missing} is not in the platform; the link is not recorded`;
    }
    if (!older.importedFrom || !newer.importedFrom) {
      const byHand = !older.importedFrom ? link.older : link.newer;
      return `${what}: ${byHand} was made by hand; the import does not change it`;
    }
    if (older.revisedById === newer.id && newer.revisesId === older.id) return 'linked';
    if (older.revisedById !== null && older.revisedById !== newer.id)
      return `${what}: ${link.older} is already revised by another certification; left as it is`;
    if (newer.revisesId !== null && newer.revisesId !== older.id)
      return `${what}: ${link.newer} already revises another certification; left as it is`;
    return null;
  }

  /** Both ends of each link get a new version and a REVISED event, in one transaction. */
  private async recordLinks(links: RevisionLink[], states: Map<string, ImportState>) {
    await this.deps.unitOfWork.transaction(async (tx) => {
      const ids = links.flatMap((l) => [
        states.get(l.older)?.id ?? '',
        states.get(l.newer)?.id ?? '',
      ]);
      const byCode = new Map(
        (await tx.certifications.findByIds(ids)).map((c) => [c.code, c] as const),
      );
      const changed = new Map<string, Certification>();
      for (const link of links) {
        const older = byCode.get(link.older);
        const newer = byCode.get(link.newer);
        if (!older || !newer) continue;
        // A version in the middle of a chain is both revised and revising: one update each time.
        const superseded = { ...older, revisedById: newer.id, version: older.version + 1 };
        await tx.certifications.update(superseded);
        byCode.set(older.code, superseded);
        const revision = { ...newer, revisesId: older.id, version: newer.version + 1 };
        await tx.certifications.update(revision);
        byCode.set(newer.code, revision);
        changed.set(older.code, superseded).set(newer.code, revision);
      }
      await publishChanges(
        tx,
        [...changed.values()].map((certification) => ({
          certification: byCode.get(certification.code) ?? certification,
          change: 'REVISED' as const,
        })),
        this.deps.clock,
      );
    });
  }
}
