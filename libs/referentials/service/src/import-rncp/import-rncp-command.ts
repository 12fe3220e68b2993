import { existsSync, mkdirSync } from 'node:fs';
import { databaseTarget, describeTarget, openDataSource } from '@certif/platform-persistence';
import { UnreadableExport } from '@certif/referentials-adapters';
import type { ImportReport } from '@certif/referentials-application';
import { referentialsSchema } from '../referentials-schema';
import { importRncpExport } from './referentials-import';

export const IMPORT_RNCP_USAGE =
  'usage: npm run -s import-rncp -- <export.zip | folder of the CSV files> [--only RNCP123,…] [--dry-run] [--json]';

export interface ImportRncpArgs {
  path: string;
  only: string[] | null;
  dryRun: boolean;
  json: boolean;
}

export class ImportRncpUsageError extends Error {}

export function parseImportRncpArgs(args: readonly string[]): ImportRncpArgs {
  const parsed: ImportRncpArgs = { path: '', only: null, dryRun: false, json: false };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (arg === '--dry-run') parsed.dryRun = true;
    else if (arg === '--json') parsed.json = true;
    else if (arg === '--only' || arg.startsWith('--only=')) {
      const value = arg === '--only' ? args[++i] : arg.slice('--only='.length);
      const codes = (value ?? '')
        .split(',')
        .map((code) => code.trim())
        .filter(Boolean);
      if (codes.length === 0)
        throw new ImportRncpUsageError(`--only needs codes\n${IMPORT_RNCP_USAGE}`);
      parsed.only = [...(parsed.only ?? []), ...codes];
    } else if (arg.startsWith('--'))
      throw new ImportRncpUsageError(`unknown option ${arg}\n${IMPORT_RNCP_USAGE}`);
    else if (parsed.path)
      throw new ImportRncpUsageError(`one export at a time\n${IMPORT_RNCP_USAGE}`);
    else parsed.path = arg;
  }
  if (!parsed.path) throw new ImportRncpUsageError(IMPORT_RNCP_USAGE);
  return parsed;
}

export interface CommandIo {
  out: (line: string) => void;
  err: (text: string) => void;
  /** A terminal: draw a progress bar on `err`. */
  tty: boolean;
}

function progressBar(io: CommandIo) {
  let last = 0;
  return (done: number, total: number) => {
    const now = Date.now();
    if (done < total && now - last < 100) return;
    last = now;
    const width = 30;
    const filled = total === 0 ? width : Math.round((done / total) * width);
    const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
    io.err(
      `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(percent).padStart(3)}% ${done}/${total} fiches`,
    );
    if (done >= total) io.err('\n');
  };
}

export function summary(report: ImportReport, dryRun: boolean): string[] {
  const lines = [
    `${dryRun ? 'dry run (nothing written): ' : ''}${report.created.length} created, ${report.updated.length} updated, ${report.unchanged.length} unchanged, ${report.rejected.length} rejected, ${report.flags.length} flags`,
  ];
  if (report.ignoredParts.length > 0)
    lines.push(`parts not read: ${report.ignoredParts.join(', ')}`);
  for (const r of report.rejected.slice(0, 20)) lines.push(`rejected ${r.code}: ${r.reason}`);
  if (report.rejected.length > 20) lines.push(`… ${report.rejected.length - 20} more rejected`);
  for (const f of report.flags.slice(0, 20)) lines.push(`flag ${f.code} ${f.field}: ${f.message}`);
  if (report.flags.length > 20)
    lines.push(`… ${report.flags.length - 20} more flags (--json lists them all)`);
  return lines;
}

/** Exit codes: 0 the export was read (flags or not), 1 it could not be, 2 bad usage. */
export async function runImportRncpCommand(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  io: CommandIo,
): Promise<number> {
  let parsed: ImportRncpArgs;
  try {
    parsed = parseImportRncpArgs(args);
  } catch (error) {
    if (!(error instanceof ImportRncpUsageError)) throw error;
    io.err(`${error.message}\n`);
    return 2;
  }
  if (!existsSync(parsed.path)) {
    io.err(`${parsed.path}: no such file or folder\n`);
    return 1;
  }
  const dataDir = env['DATA_DIR'] || '.data';
  const target = databaseTarget(
    'referentials',
    env['DATABASE_URL'] || undefined,
    dataDir,
    env['DATABASE_PREFIX'] || undefined,
  );
  if (target.kind === 'sqlite') mkdirSync(dataDir, { recursive: true });
  io.err(`referentials: ${describeTarget(target)}\n`);
  const dataSource = await openDataSource({ ...referentialsSchema, target, poolSize: 2 });
  try {
    const report = await importRncpExport(dataSource, parsed.path, {
      only: parsed.only,
      dryRun: parsed.dryRun,
      loadSeeds: env['LOAD_SEED_CERTIFICATIONS'] !== 'false',
      ...(io.tty
        ? {
            onProgress: progressBar(io),
            onRead: (file: string, rows: number) => io.err(`\rreading ${file}: ${rows} rows   `),
          }
        : {}),
    });
    if (io.tty) io.err('\n');
    for (const line of summary(report, parsed.dryRun)) (parsed.json ? io.err : io.out)(`${line}\n`);
    if (parsed.json) io.out(JSON.stringify(report));
    return 0;
  } catch (error) {
    if (error instanceof UnreadableExport) {
      io.err(`${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await dataSource.destroy();
  }
}
