/**
 * One fiche of France Compétences' RNCP open-data export, as read from its CSV parts and joined
 * on `Numero_Fiche` (shared/formats/rncp-open-data.md). Values are the source's text, trimmed;
 * nothing is interpreted yet. Several rows of a part for one item are kept as they came, so the
 * mapping can flag duplicates.
 */
export interface RncpStandardRow {
  intitule: string;
  abregeLibelle: string;
  niveau: string;
  dateDecision: string;
  dateEffet: string;
  dateFinEnregistrement: string;
  actif: string;
}

export interface RncpFiche {
  /** `Numero_Fiche`: RNCP or RS followed by digits. */
  code: string;
  /** Usually one row; none when only other parts name the fiche; more is a duplicate. */
  standard: RncpStandardRow[];
  blocs: { code: string; title: string }[];
  romeCodes: string[];
  nsfCodes: string[];
  formacodes: string[];
  certifiers: { siret: string; name: string }[];
  /** `Ancienne_Nouvelle_Certification`: the fiche's older and newer versions. */
  links: { older: string; newer: string }[];
}

/** Something the export says that the platform could not keep as it is; the import goes on. */
export interface ImportFlag {
  code: string;
  field: string;
  message: string;
}

/** The export's parts the importer reads; any other part is ignored and reported. */
export const RNCP_PARTS = [
  'standard',
  'blocs_de_competences',
  'rome',
  'nsf',
  'formacode',
  'certificateurs',
  'ancienne_nouvelle_certification',
] as const;
export type RncpPart = (typeof RNCP_PARTS)[number];

function plain(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/**
 * The part a file holds, from its name, whatever the case, accents and date:
 * `export_fiches_CSV_Blocs_De_Compétences_2024_01_15.csv` → `blocs_de_competences`.
 * Returns the name of the part as written when it is not one the importer reads.
 */
export function rncpPartOf(fileName: string): { part: RncpPart | null; name: string } {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const stem = base.replace(/\.csv$/i, '');
  const name = stem.replace(/^export_fiches_csv_/i, '').replace(/_\d{4}_\d{2}_\d{2}$/, '');
  const key = plain(name).replace(/[\s-]+/g, '_');
  const part = (RNCP_PARTS as readonly string[]).includes(key) ? (key as RncpPart) : null;
  return { part, name };
}
