import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import type { Clock } from '@certif/platform-calendar';
import {
  CpfFolderOutput,
  parseProcessingReport,
  TypeOrmCpfDepositStore,
  TypeOrmIssuingUnitOfWork,
  type CpfWriterOptions,
} from '@certif/issuing-adapters';
import {
  ExportCpfService,
  ImportCpfReportService,
  type CpfExportReport,
  type CpfReportImport,
  type IssuingEvents,
} from '@certif/issuing-application';

/** The deposit commands read and write issuing's records; they publish no event. */
const noEvents: IssuingEvents = {
  issued: async () => undefined,
  revoked: async () => undefined,
  livretStatusChanged: async () => undefined,
};

export interface CpfCommandContext {
  dataSource: DataSource;
  clock: Clock;
}

/** `export-cpf`: the deposit files of every certifier (or one) into `out`. */
export async function exportCpf(
  context: CpfCommandContext,
  options: { out: string; certifierSiret?: string | null; dryRun?: boolean } & CpfWriterOptions,
): Promise<CpfExportReport> {
  if (!options.dryRun) mkdirSync(options.out, { recursive: true });
  const unitOfWork = new TypeOrmIssuingUnitOfWork(context.dataSource, () => noEvents);
  const exporter = new ExportCpfService(
    { unitOfWork, clock: context.clock, newId: randomUUID },
    new TypeOrmCpfDepositStore(context.dataSource),
  );
  return exporter.execute(new CpfFolderOutput(options.out, options), {
    certifierSiret: options.certifierSiret ?? null,
    dryRun: options.dryRun ?? false,
  });
}

/** `import-cpf-report`: applies a processing report (its file). */
export async function importCpfReport(
  context: CpfCommandContext,
  file: string,
): Promise<CpfReportImport> {
  const entries = parseProcessingReport(readFileSync(file, 'utf8'));
  return new ImportCpfReportService(
    context.clock,
    new TypeOrmCpfDepositStore(context.dataSource),
  ).execute(entries);
}

/** What a person reads after an export: each file, then what was held back and why. */
export function describeCpfExport(report: CpfExportReport, dryRun: boolean): string[] {
  const lines: string[] = [];
  const verb = dryRun ? 'would write' : 'wrote';
  for (const f of report.files)
    lines.push(
      `${verb} ${f.path ?? f.idFlux + '.xml'}: ${f.passages} passage(s) of ${f.certifier.name} (${f.certifications.join(', ')})`,
    );
  if (report.files.length === 0) lines.push('nothing to deposit');
  for (const c of report.certifiersMissingData)
    lines.push(
      `NOT SENT: certifier ${c.certifier.name}${c.certifier.siret ? ` (SIRET ${c.certifier.siret})` : ''} lacks ${c.missing.join(', ')}: ` +
        `${c.parchemins} parchemin(s) of ${c.certifications.join(', ')} wait (setCertifierCpfIdentifiers)`,
    );
  for (const n of report.notDepositable)
    lines.push(`NOT DEPOSITABLE: ${n.parchemins} parchemin(s) of ${n.certification}: ${n.reason}`);
  for (const h of report.holdersMissingData)
    lines.push(`HELD BACK: ${h.number} (candidate ${h.candidateId}) lacks ${h.missing.join(', ')}`);
  for (const w of report.withdrawals)
    lines.push(
      `TO WITHDRAW: ${w.number}, accepted in ${w.idFlux}, revoked${w.revocationReason ? `: ${w.revocationReason}` : ''} (the 1.1.2 schema cannot withdraw: do it on the portal)`,
    );
  return lines;
}

export function describeCpfImport(result: CpfReportImport): string[] {
  return [
    `${result.accepted.length} accepted (deposited), ${result.rejected.length} rejected (pending again), ` +
      `${result.alreadyApplied.length} already applied, ${result.unknown.length} unknown`,
    ...result.rejected.map((r) => `REJECTED ${r.idTechnique}: ${r.message ?? '(no reason given)'}`),
    ...result.unknown.map((u) => `UNKNOWN ${u}: no deposit awaits this number`),
  ];
}
