import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse';
import type { RncpExportSource } from '@certif/referentials-application';
import { rncpPartOf, type RncpFiche, type RncpPart } from '@certif/referentials-domain';
import { exportFiles } from './export-files';

/** Column names without case or accents, as the header row gives them. */
function column(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .trim()
    .toLowerCase();
}

/** For each item part: the two columns kept (`a`, `b`). */
const ITEM_COLUMNS: Record<Exclude<RncpPart, 'standard'>, [string, string | null]> = {
  blocs_de_competences: ['bloc_competences_code', 'bloc_competences_libelle'],
  rome: ['codes_rome_code', null],
  nsf: ['nsf_code', null],
  formacode: ['formacode_code', null],
  certificateurs: ['siret_certificateur', 'nom_certificateur'],
  ancienne_nouvelle_certification: ['ancienne_certification', 'nouvelle_certification'],
};

const STANDARD_COLUMNS = [
  'intitule',
  'abrege_libelle',
  'nomenclature_europe_niveau',
  'date_decision',
  'date_effet',
  'date_fin_enregistrement',
  'actif',
] as const;

export class UnreadableExport extends Error {}

export interface ReadProgress {
  (file: string, rows: number): void;
}

interface StandardRecord {
  fiche: string;
  intitule: string;
  abrege_libelle: string;
  nomenclature_europe_niveau: string;
  date_decision: string;
  date_effet: string;
  date_fin_enregistrement: string;
  actif: string;
}

interface ItemRecord {
  part: string;
  fiche: string;
  a: string;
  b: string;
}

/**
 * The export, streamed once into a scratch SQLite file indexed by fiche number, then paged in
 * fiche order: the parts come as separate files in any order, and joining them in memory would
 * grow with the register (ADR 0013). Close it to delete the scratch file.
 */
export class StagedRncpExport implements RncpExportSource {
  private constructor(
    private readonly db: Database.Database,
    private readonly folder: string,
    readonly ignoredParts: string[],
    readonly ficheCount: number,
  ) {}

  static async read(path: string, progress?: ReadProgress): Promise<StagedRncpExport> {
    const folder = mkdtempSync(join(tmpdir(), 'rncp-import-'));
    const db = new Database(join(folder, 'export.sqlite'));
    try {
      db.pragma('journal_mode = OFF');
      db.pragma('synchronous = OFF');
      db.exec(`CREATE TABLE standard (seq INTEGER PRIMARY KEY, fiche TEXT NOT NULL,
        ${STANDARD_COLUMNS.map((c) => `${c} TEXT NOT NULL`).join(', ')});
        CREATE TABLE item (seq INTEGER PRIMARY KEY, part TEXT NOT NULL, fiche TEXT NOT NULL,
        a TEXT NOT NULL, b TEXT NOT NULL);`);
      const ignored = await stage(db, path, progress);
      db.exec(`CREATE INDEX ix_standard ON standard (fiche);
        CREATE INDEX ix_item ON item (fiche);
        CREATE TABLE fiche (code TEXT PRIMARY KEY) WITHOUT ROWID;
        INSERT INTO fiche SELECT fiche FROM standard UNION SELECT fiche FROM item;`);
      const { n } = db.prepare('SELECT COUNT(*) AS n FROM fiche').get() as { n: number };
      return new StagedRncpExport(db, folder, ignored, n);
    } catch (error) {
      db.close();
      rmSync(folder, { recursive: true, force: true });
      throw error;
    }
  }

  async *batches(size: number): AsyncIterable<RncpFiche[]> {
    const codes = this.db.prepare('SELECT code FROM fiche WHERE code > ? ORDER BY code LIMIT ?');
    const standard = this.db.prepare(
      'SELECT * FROM standard WHERE fiche BETWEEN ? AND ? ORDER BY fiche, seq',
    );
    const items = this.db.prepare(
      'SELECT * FROM item WHERE fiche BETWEEN ? AND ? ORDER BY fiche, seq',
    );
    let after = '';
    for (;;) {
      const page = (codes.all(after, size) as { code: string }[]).map((row) => row.code);
      const first = page[0];
      const last = page[page.length - 1];
      if (first === undefined || last === undefined) return;
      const fiches = new Map<string, RncpFiche>(page.map((code) => [code, emptyFiche(code)]));
      for (const row of standard.all(first, last) as StandardRecord[]) {
        fiches.get(row.fiche)?.standard.push({
          intitule: row.intitule,
          abregeLibelle: row.abrege_libelle,
          niveau: row.nomenclature_europe_niveau,
          dateDecision: row.date_decision,
          dateEffet: row.date_effet,
          dateFinEnregistrement: row.date_fin_enregistrement,
          actif: row.actif,
        });
      }
      for (const row of items.all(first, last) as ItemRecord[]) {
        const fiche = fiches.get(row.fiche);
        if (fiche) addItem(fiche, row);
      }
      yield [...fiches.values()];
      after = last;
    }
  }

  close(): void {
    this.db.close();
    rmSync(this.folder, { recursive: true, force: true });
  }
}

function emptyFiche(code: string): RncpFiche {
  return {
    code,
    standard: [],
    blocs: [],
    romeCodes: [],
    nsfCodes: [],
    formacodes: [],
    certifiers: [],
    links: [],
  };
}

function addItem(fiche: RncpFiche, { part, a, b }: ItemRecord): void {
  switch (part as Exclude<RncpPart, 'standard'>) {
    case 'blocs_de_competences':
      fiche.blocs.push({ code: a, title: b });
      break;
    case 'rome':
      if (a) fiche.romeCodes.push(a);
      break;
    case 'nsf':
      if (a) fiche.nsfCodes.push(a);
      break;
    case 'formacode':
      if (a) fiche.formacodes.push(a);
      break;
    case 'certificateurs':
      fiche.certifiers.push({ siret: a, name: b });
      break;
    case 'ancienne_nouvelle_certification':
      fiche.links.push({ older: a, newer: b });
      break;
  }
}

/** Reads every part the import knows into the scratch tables; returns the names of the others. */
async function stage(
  db: Database.Database,
  path: string,
  progress: ReadProgress | undefined,
): Promise<string[]> {
  const { files, close } = await exportFiles(path);
  const ignored: string[] = [];
  let sawStandard = false;
  try {
    for (const file of files) {
      const { part, name } = rncpPartOf(file.name);
      if (part === null) {
        ignored.push(name);
        continue;
      }
      sawStandard ||= part === 'standard';
      await stageFile(db, part, file.name, await file.open(), progress);
    }
  } finally {
    close();
  }
  if (!sawStandard) {
    throw new UnreadableExport(
      `${path}: no Standard part (export_fiches_CSV_Standard_AAAA_MM_JJ.csv); is this the RNCP export?`,
    );
  }
  return ignored;
}

async function stageFile(
  db: Database.Database,
  part: RncpPart,
  fileName: string,
  stream: NodeJS.ReadableStream,
  progress: ReadProgress | undefined,
): Promise<void> {
  const parser = stream.pipe(
    parse({
      delimiter: ';',
      bom: true,
      columns: (header: string[]) => header.map(column),
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }),
  );
  const insertStandard = db.prepare(
    `INSERT INTO standard (fiche, ${STANDARD_COLUMNS.join(', ')}) VALUES (?, ${STANDARD_COLUMNS.map(() => '?').join(', ')})`,
  );
  const insertItem = db.prepare('INSERT INTO item (part, fiche, a, b) VALUES (?, ?, ?, ?)');
  let pending: Record<string, string | undefined>[] = [];
  let rows = 0;
  const flush = db.transaction((records: Record<string, string | undefined>[]) => {
    for (const record of records) {
      const fiche = record['numero_fiche'] ?? '';
      if (fiche === '') continue;
      if (part === 'standard') {
        insertStandard.run(fiche, ...STANDARD_COLUMNS.map((c) => record[c] ?? ''));
      } else {
        const [a, b] = ITEM_COLUMNS[part];
        insertItem.run(part, fiche, record[a] ?? '', b ? (record[b] ?? '') : '');
      }
    }
  });
  for await (const record of parser as AsyncIterable<Record<string, string | undefined>>) {
    if (rows === 0 && record['numero_fiche'] === undefined) {
      throw new UnreadableExport(`${fileName}: no Numero_Fiche column in its header row`);
    }
    pending.push(record);
    rows += 1;
    if (pending.length === 2000) {
      flush(pending);
      pending = [];
      progress?.(fileName, rows);
    }
  }
  flush(pending);
  progress?.(fileName, rows);
}
