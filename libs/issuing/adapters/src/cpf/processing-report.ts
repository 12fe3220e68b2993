import type { CpfReportEntry } from '@certif/issuing-application';

/**
 * The Caisse des Dépôts' processing report ("compte rendu de traitement") lists the passages of
 * a deposit by `idTechnique`, accepted or rejected with a reason. Read here as the CSV export of
 * the certifiers' portal: a header line, then one line per passage; `;` or `,` separated, fields
 * optionally quoted. Columns are found by name, whatever their order and case:
 * - the passage: `idTechnique` (or `identifiant technique`);
 * - its outcome: `statut` / `status` / `etat` / `resultat`: ACCEPTE, VALIDE, OK, INTEGRE…
 *   accepted; REJETE, REFUSE, ERREUR, KO… rejected;
 * - the reason: `motif` / `message` / `erreur` / `libelleErreur` / `motif de rejet` (optional).
 */
export class ProcessingReportError extends Error {}

const ID_COLUMNS = ['idtechnique', 'identifianttechnique', 'id_technique'];
const STATUS_COLUMNS = ['statut', 'status', 'etat', 'resultat', 'statutpassage'];
const MESSAGE_COLUMNS = [
  'motif',
  'message',
  'erreur',
  'libelleerreur',
  'motifderejet',
  'motifrejet',
  'commentaire',
];

function normalize(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}

/** One CSV line: quoted fields may hold the separator and doubled quotes. */
function fields(line: string, separator: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i] as string;
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        current += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else current += char;
    } else if (char === '"') quoted = true;
    else if (char === separator) {
      out.push(current.trim());
      current = '';
    } else current += char;
  }
  out.push(current.trim());
  return out;
}

function outcome(value: string, line: number): boolean {
  const v = normalize(value).toUpperCase();
  if (/^(ACCEPT|VALID|OK|INTEGR|SUCCES)/.test(v)) return true;
  if (/^(REJET|REJECT|REFUS|ERREUR|ERROR|KO|ECHEC)/.test(v)) return false;
  throw new ProcessingReportError(
    `line ${line}: "${value}" is neither accepted (ACCEPTE, VALIDE, OK) nor rejected (REJETE, ERREUR, KO)`,
  );
}

export function parseProcessingReport(text: string): CpfReportEntry[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l, i) => ({ text: l, number: i + 1 }))
    .filter((l) => l.text.trim() !== '');
  const header = lines.shift();
  if (!header) throw new ProcessingReportError('the report is empty');
  const separator = header.text.includes(';') ? ';' : header.text.includes('\t') ? '\t' : ',';
  const columns = fields(header.text, separator).map(normalize);
  const find = (names: string[]) => columns.findIndex((c) => names.includes(c));
  const id = find(ID_COLUMNS);
  const status = find(STATUS_COLUMNS);
  const message = find(MESSAGE_COLUMNS);
  if (id < 0 || status < 0)
    throw new ProcessingReportError(
      `the header must name the passage (idTechnique) and its outcome (statut); got "${header.text}"`,
    );
  return lines.map((line) => {
    const values = fields(line.text, separator);
    const idTechnique = values[id] ?? '';
    if (!idTechnique) throw new ProcessingReportError(`line ${line.number}: no idTechnique`);
    const accepted = outcome(values[status] ?? '', line.number);
    return {
      idTechnique,
      accepted,
      message: accepted ? null : (message >= 0 ? values[message] : '') || null,
    };
  });
}
