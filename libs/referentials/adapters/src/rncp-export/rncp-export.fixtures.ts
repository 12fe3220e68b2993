// Test exports in the shape France Compétences publishes (shared/formats/rncp-open-data.md):
// `;`-separated CSV files with a header row, in a folder or a ZIP. For tests and the bench only.
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ZipFile } from 'yazl';

export type CsvTable = { header: string[]; rows: string[][] };
/** Part name as in the file name (`Standard`, `Blocs_De_Compétences`, …) → its table. */
export type ExportTables = Record<string, CsvTable>;

function field(value: string): string {
  return /[;"\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csv(table: CsvTable, bom = false): string {
  const lines = [table.header, ...table.rows].map((row) => row.map(field).join(';'));
  return `${bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}

export const fileNameOf = (part: string, date = '2026_11_30') =>
  `export_fiches_CSV_${part}_${date}.csv`;

export function writeExportFolder(folder: string, tables: ExportTables): string {
  mkdirSync(folder, { recursive: true });
  for (const [part, table] of Object.entries(tables))
    writeFileSync(join(folder, fileNameOf(part)), csv(table, part === 'Standard'));
  return folder;
}

export function writeExportZip(file: string, tables: ExportTables): Promise<string> {
  const zip = new ZipFile();
  for (const [part, table] of Object.entries(tables))
    zip.addBuffer(Buffer.from(csv(table, part === 'Standard')), fileNameOf(part));
  zip.end();
  return new Promise((resolve, reject) => {
    zip.outputStream
      .pipe(createWriteStream(file))
      .on('close', () => resolve(file))
      .on('error', reject);
  });
}

export const STANDARD_HEADER = [
  'Id_Fiche',
  'Numero_Fiche',
  'Intitule',
  'Abrege_Libelle',
  'Abrege_Intitule',
  'Nomenclature_Europe_Niveau',
  'Nomenclature_Europe_Intitule',
  'Accessible_Nouvelle_Caledonie',
  'Accessible_Polynesie_Francaise',
  'Date_dernier_jo',
  'Date_Decision',
  'Date_Fin_Enregistrement',
  'Date_Effet',
  'Type_Enregistrement',
  'Validation_Partielle',
  'Actif',
];

export interface FicheSpec {
  code: string;
  title: string;
  kind?: string;
  level?: string;
  decision?: string;
  effect?: string;
  until?: string;
  active?: string;
  blocs?: [string, string][];
  rome?: string[];
  nsf?: string[];
  formacodes?: string[];
  certifiers?: [string, string][];
  older?: string;
  newer?: string;
}

export function standardRow(f: FicheSpec, index = 0): string[] {
  return [
    String(index + 1),
    f.code,
    f.title,
    f.kind ?? 'TIT',
    f.kind === 'TP' ? 'Titre professionnel' : 'Titre',
    f.level ?? 'NIV6',
    'Niveau 6',
    'Non',
    'Non',
    '',
    f.decision ?? '01/09/2023',
    f.until ?? '01/09/2028',
    f.effect ?? '',
    'Enregistrement sur demande',
    'Oui',
    f.active ?? 'ACTIVE',
  ];
}

/** An export of these fiches, every part the importer reads, plus a part it ignores. */
export function exportOf(fiches: FicheSpec[]): ExportTables {
  const items = (pick: (f: FicheSpec) => string[][]) =>
    fiches.flatMap((f) => pick(f).map((row) => [f.code, ...row]));
  return {
    Standard: { header: STANDARD_HEADER, rows: fiches.map(standardRow) },
    Blocs_De_Compétences: {
      header: ['Numero_Fiche', 'Bloc_Competences_Code', 'Bloc_Competences_Libelle'],
      rows: items((f) => f.blocs ?? [[`${f.code}BC01`, `Bloc 1 de ${f.title}`]]),
    },
    Rome: {
      header: ['Numero_Fiche', 'Codes_Rome_Code', 'Codes_Rome_Libelle'],
      rows: items((f) => (f.rome ?? ['M1805']).map((code) => [code, 'Études et développement'])),
    },
    Nsf: {
      header: ['Numero_Fiche', 'Nsf_Code', 'Nsf_Intitule'],
      rows: items((f) => (f.nsf ?? ['326t']).map((code) => [code, `${code} : Programmation`])),
    },
    Formacode: {
      header: ['Numero_Fiche', 'Formacode_Code', 'Formacode_Libelle'],
      rows: items((f) => (f.formacodes ?? ['31054']).map((code) => [code, 'Informatique'])),
    },
    Certificateurs: {
      header: ['Numero_Fiche', 'Siret_Certificateur', 'Nom_Certificateur'],
      rows: items((f) => f.certifiers ?? [['49386136300080', 'OPENCLASSROOMS']]),
    },
    Ancienne_Nouvelle_Certification: {
      header: ['Numero_Fiche', 'Ancienne_Certification', 'Nouvelle_Certification'],
      rows: items((f) => (f.older || f.newer ? [[f.older ?? '', f.newer ?? '']] : [])),
    },
    Partenaires: {
      header: ['Numero_Fiche', 'Nom_Partenaire', 'Siret_Partenaire'],
      rows: items(() => [['Un partenaire', '12345678900011']]),
    },
  };
}
