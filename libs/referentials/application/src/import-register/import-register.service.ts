import { createHash } from 'node:crypto';
import {
  mapRncpFiche,
  RNCP_IMPORT_DEFAULTS_NOTE,
  type Certification,
  type CertificationDraft,
  type Component,
  type ImportFlag,
  type RevisionLink,
} from '@certif/referentials-domain';
import { certificationFromDraft, publishChanges } from '../certifications';
import type { ImportState, ReferentialsDependencies } from '../ports';
import { RevisionLinks } from './revision-links';
import {
  RNCP_REGISTER,
  type ImportOptions,
  type ImportReport,
  type RncpExportSource,
} from './rncp-export-source';

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
    await new RevisionLinks(this.deps).record(links, report, options.dryRun ?? false);
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
      await publishChanges(
        tx,
        [
          ...created.map((certification) => ({ certification, change: 'PUBLISHED' as const })),
          ...updated.map((certification) => ({ certification, change: 'UPDATED' as const })),
        ],
        this.deps.clock,
      );
    });
  }

  private newCertification({ draft, fingerprint }: Planned): Certification {
    return certificationFromDraft(draft, this.deps.newId, {
      publishedAt: this.deps.clock.now(),
      importedFrom: { register: RNCP_REGISTER, fingerprint },
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
      importedFrom: { register: RNCP_REGISTER, fingerprint },
      version: before.version + 1,
    };
    return after;
  }
}
