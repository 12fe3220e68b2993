import { createHash } from 'node:crypto';
import {
  certificationStatus,
  mapRncpFiche,
  RNCP_IMPORT_DEFAULTS_NOTE,
  type Certification,
  type CertificationDraft,
  type Component,
  type ImportFlag,
  type RevisionLink,
} from '@certif/referentials-domain';
import { certificationFromDraft } from '../certifications';
import type { ImportState, ReferentialsDependencies, ReferentialsTransaction } from '../ports';
import type { ImportOptions, ImportReport, RncpExportSource } from './rncp-export-source';

const REGISTER = 'RNCP_OPEN_DATA' as const;

/** Of what the export says of a fiche: an equal fingerprint means there is nothing to write. */
export function draftFingerprint(draft: CertificationDraft): string {
  return createHash('sha256').update(JSON.stringify(draft)).digest('hex');
}

interface Planned {
  draft: CertificationDraft;
  fingerprint: string;
}

/**
 * Imports France Compétences' RNCP export into the referentials (issue 15, ADR 0013):
 * creates what is new, updates in place what changed (a
 * `referentials.certification.v1` event each), leaves the rest, and never touches a certification
 * made by hand. Batches of fiches, one transaction each; then the revision links.
 */
export class ImportRegisterService {
  constructor(private readonly deps: ReferentialsDependencies) {}

  async execute(source: RncpExportSource, options: ImportOptions = {}): Promise<ImportReport> {
    const report: ImportReport = {
      created: [],
      updated: [],
      unchanged: [],
      rejected: [],
      flags: [],
      ignoredParts: [...source.ignoredParts],
    };
    const only = options.only ? new Set(options.only) : null;
    const found = new Set<string>();
    const links: RevisionLink[] = [];
    const linkKeys = new Set<string>();
    const today = this.deps.clock.today();
    let done = 0;
    options.onProgress?.(0, source.ficheCount);
    for await (const batch of source.batches(options.batchSize ?? 500)) {
      const planned: Planned[] = [];
      for (const fiche of batch) {
        if (only && !only.has(fiche.code)) continue;
        found.add(fiche.code);
        const mapped = mapRncpFiche(fiche, today);
        report.flags.push(...mapped.flags);
        if (mapped.outcome === 'rejected')
          report.rejected.push({ code: fiche.code, reason: mapped.reason });
        if (mapped.outcome !== 'mapped') continue;
        planned.push({ draft: mapped.draft, fingerprint: draftFingerprint(mapped.draft) });
        for (const link of mapped.links) {
          const key = `${link.older}>${link.newer}`;
          if (!linkKeys.has(key)) links.push(link);
          linkKeys.add(key);
        }
      }
      await this.importBatch(planned, report, options.dryRun ?? false);
      done += batch.length;
      options.onProgress?.(done, source.ficheCount);
    }
    for (const code of only ?? []) {
      if (!found.has(code))
        report.flags.push({ code, field: 'only', message: 'not in the export' });
    }
    await this.link(links, report, options.dryRun ?? false);
    if (report.created.length + report.updated.length + report.unchanged.length > 0) {
      report.flags.unshift({ code: '*', field: 'defaults', message: RNCP_IMPORT_DEFAULTS_NOTE });
    }
    return report;
  }

  private async importBatch(planned: Planned[], report: ImportReport, dryRun: boolean) {
    if (planned.length === 0) return;
    const states = new Map(
      (await this.deps.unitOfWork.reader.findImportStates(planned.map((p) => p.draft.code))).map(
        (state) => [state.code, state],
      ),
    );
    const created: Certification[] = [];
    const changed: { plan: Planned; state: ImportState }[] = [];
    for (const plan of planned) {
      const state = states.get(plan.draft.code);
      if (!state) created.push(this.newCertification(plan));
      else if (state.importedFrom === null) {
        report.flags.push({
          code: plan.draft.code,
          field: 'code',
          message:
            'a certification made by hand (or a seed) has this code: the import leaves it as it is',
        });
      } else if (state.importedFrom.fingerprint === plan.fingerprint) {
        report.unchanged.push(plan.draft.code);
      } else changed.push({ plan, state });
    }
    report.created.push(...created.map((c) => c.code));
    report.updated.push(...changed.map((c) => c.plan.draft.code));
    if (dryRun || created.length + changed.length === 0) return;
    await this.deps.unitOfWork.transaction(async (tx) => {
      await tx.certifications.insertMany(created);
      const updated: Certification[] = [];
      const current = await tx.certifications.findByIds(changed.map((c) => c.state.id));
      for (const { plan } of changed) {
        const before = current.find((c) => c.code === plan.draft.code);
        if (!before) continue;
        const after = this.updated(before, plan, report.flags);
        await tx.certifications.updateWithComponents(after);
        updated.push(after);
      }
      await this.emit(tx, [
        ...created.map((certification) => ({ certification, change: 'PUBLISHED' as const })),
        ...updated.map((certification) => ({ certification, change: 'UPDATED' as const })),
      ]);
    });
  }

  private emit(
    tx: ReferentialsTransaction,
    changes: { certification: Certification; change: 'PUBLISHED' | 'UPDATED' | 'REVISED' }[],
  ) {
    const today = this.deps.clock.today();
    return tx.events.changedMany(
      changes.map((c) => ({ ...c, status: certificationStatus(c.certification, today) })),
    );
  }

  private newCertification({ draft, fingerprint }: Planned): Certification {
    return certificationFromDraft(draft, this.deps.newId, {
      publishedAt: this.deps.clock.now(),
      importedFrom: { register: REGISTER, fingerprint },
    });
  }

  /**
   * The fiche's new content on the same id. A bloc keeps its id when its code stays, so the
   * components candidates acquired still count; a bloc the export no longer lists is kept after
   * the others and flagged, never deleted.
   */
  private updated(before: Certification, { draft, fingerprint }: Planned, flags: ImportFlag[]) {
    const { components, specializations: _specializations, ...identity } = draft;
    const byCode = new Map(before.components.map((c) => [c.code, c]));
    const kept: Component[] = components.map((c, index) => ({
      ...c,
      id: byCode.get(c.code)?.id ?? this.deps.newId(),
      position: index + 1,
    }));
    for (const old of before.components) {
      if (components.some((c) => c.code === old.code)) continue;
      flags.push({
        code: draft.code,
        field: 'blocs',
        message: `bloc ${old.code} is no longer in the export; kept, since candidates may hold it`,
      });
      kept.push({ ...old, position: kept.length + 1 });
    }
    const after: Certification = {
      ...before,
      ...identity,
      components: kept,
      importedFrom: { register: REGISTER, fingerprint },
      version: before.version + 1,
    };
    return after;
  }

  /** R4 links the export states, between certifications it made; no correspondences invented. */
  private async link(links: RevisionLink[], report: ImportReport, dryRun: boolean) {
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
              importedFrom: { register: REGISTER, fingerprint: '' },
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
      await this.emit(
        tx,
        [...changed.values()].map((certification) => ({
          certification: byCode.get(certification.code) ?? certification,
          change: 'REVISED' as const,
        })),
      );
    });
  }
}
