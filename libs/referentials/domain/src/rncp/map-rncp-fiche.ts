import { isAfter, isLocalDate, type LocalDate } from '@certif/platform-calendar';
import { InvalidInput } from '@certif/platform-errors';
import type {
  CapitalizationRule,
  CertificationDraft,
  CertificationKind,
  CertifierDraft,
  ComponentDraft,
} from '../certification-draft';
import { defaultJuryRule, PATHWAYS } from '../access-rules';
import { looksLikeRncpCode } from '../certification';
import { validateCertificationDraft } from '../certification-rules';
import type { ImportFlag, RncpFiche, RncpStandardRow } from './rncp-fiche';

/** A revision link the export states: `older` is revised by `newer` (R4, no correspondences). */
export interface RevisionLink {
  older: string;
  newer: string;
}

export type MappedFiche =
  | { outcome: 'mapped'; draft: CertificationDraft; links: RevisionLink[]; flags: ImportFlag[] }
  | { outcome: 'rejected'; reason: string; flags: ImportFlag[] }
  /** Rows of other parts for a fiche absent from Standard: nothing to import, only flags. */
  | { outcome: 'absent'; flags: ImportFlag[] };

/**
 * What the export does not say takes the default of the certification's kind (DOMAIN.md R2, R3;
 * seeds 001/002 for the titres professionnels under the 2016 rules, 003/004 for the RNCP fiches
 * of other certifiers, whose blocs are acquired for good). The jury rule and the access routes
 * are left out of the draft: omitted means the documented default ("all routes", the kind's jury).
 */
export const RNCP_IMPORT_DEFAULTS: Record<
  CertificationKind,
  { capitalizationRule: CapitalizationRule; requiresFinalInterview: boolean }
> = {
  PROFESSIONAL_TITLE: { capitalizationRule: 'WITHIN_TITLE_VALIDITY', requiresFinalInterview: true },
  RNCP_CERTIFICATION: { capitalizationRule: 'UNLIMITED', requiresFinalInterview: false },
};

export const RNCP_IMPORT_DEFAULTS_NOTE =
  'The export does not state the capitalisation rule, the final interview, the jury rule nor the access routes: ' +
  'a PROFESSIONAL_TITLE takes WITHIN_TITLE_VALIDITY with a final interview, an RNCP_CERTIFICATION UNLIMITED without; ' +
  "both the kind's default jury rule and all access routes. A titre professionnel's blocs are its CCPs.";

const NOTE_DEFAULTS =
  "Importé du RNCP (open data France Compétences) : règle de capitalisation, entretien final, règle de jury et voies d'accès non fournies par l'export, valeurs par défaut du type de certification.";

class Flags {
  readonly list: ImportFlag[] = [];
  constructor(private readonly code: string) {}
  add(field: string, message: string): void {
    this.list.push({ code: this.code, field, message });
  }
}

/** `JJ/MM/AAAA` → `AAAA-MM-JJ`; empty → null; anything else → null and a flag. */
function parseRncpDate(value: string, field: string, flags: Flags): LocalDate | null {
  const text = value.trim();
  if (text === '') return null;
  const match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  const date = match ? `${match[3]}-${match[2]}-${match[1]}` : null;
  if (date && isLocalDate(date)) return date;
  flags.add(field, `"${text}" is not a date JJ/MM/AAAA; left empty`);
  return null;
}

function parseLevel(value: string): number | null {
  const match = /^NIV\s*(\d)$/i.exec(value.trim());
  const level = match ? Number(match[1]) : NaN;
  return level >= 1 && level <= 8 ? level : null;
}

/** Keeps the first of each value, flagging repeats and values that are not codes. */
function codes(
  values: string[],
  field: string,
  flags: Flags,
  normalise: (value: string) => string | null,
  example: string,
): string[] {
  const kept: string[] = [];
  let repeated = 0;
  for (const value of values) {
    const code = normalise(value);
    if (code === null) {
      flags.add(field, `"${value}" is not a code like ${example}; left out`);
    } else if (kept.includes(code)) {
      repeated += 1;
    } else {
      kept.push(code);
    }
  }
  if (repeated > 0) flags.add(field, `${repeated} duplicated row(s) ignored`);
  return kept;
}

const nsf = (value: string) => {
  const match = /^(\d{3}[a-z]?)(?:\s*:.*)?$/i.exec(value.trim());
  return match ? (match[1] as string).toLowerCase() : null;
};
const rome = (value: string) => {
  const code = value.trim().toUpperCase();
  return /^[A-Z]\d{4}$/.test(code) ? code : null;
};
const formacode = (value: string) => (/^\d{5}$/.test(value.trim()) ? value.trim() : null);

function standardRow(fiche: RncpFiche, flags: Flags): RncpStandardRow {
  const [first, ...others] = fiche.standard as [RncpStandardRow, ...RncpStandardRow[]];
  if (others.length > 0) {
    const same = others.every((row) => JSON.stringify(row) === JSON.stringify(first));
    flags.add(
      'Standard',
      same
        ? `${others.length + 1} identical rows; one kept`
        : `${others.length + 1} different rows for one fiche; the first is kept`,
    );
  }
  return first;
}

function certifiers(fiche: RncpFiche, flags: Flags, notes: string[]): CertifierDraft | null {
  const unique: CertifierDraft[] = [];
  let repeated = 0;
  for (const row of fiche.certifiers) {
    const digits = row.siret.replace(/\s/g, '');
    let siret: string | null = digits === '' ? null : digits;
    if (siret !== null && !/^\d{14}$/.test(siret)) {
      flags.add('certifier.siret', `"${row.siret}" is not a SIRET of 14 digits; left empty`);
      siret = null;
    }
    const certifier = { name: row.name.trim(), siret };
    if (unique.some((c) => c.name === certifier.name && c.siret === certifier.siret)) repeated += 1;
    else unique.push(certifier);
  }
  if (repeated > 0) flags.add('certifier', `${repeated} duplicated row(s) ignored`);
  const [kept, ...others] = unique;
  if (kept && others.length > 0) {
    const named = others.map((c) => (c.siret ? `${c.name} (SIRET ${c.siret})` : c.name));
    flags.add(
      'certifier',
      `the export names ${unique.length} certifiers; a certification keeps one: ${kept.name} is kept, ${named.join(', ')} noted in notes`,
    );
    notes.push(`Autres certificateurs selon le RNCP : ${named.join(' ; ')}.`);
  }
  return kept ?? null;
}

function isBlocCodeOf(ficheCode: string, code: string): boolean {
  return code.startsWith(`${ficheCode}BC`) && /^\d{2}$/.test(code.slice(ficheCode.length + 2));
}

function components(fiche: RncpFiche, kind: CertificationKind, flags: Flags): ComponentDraft[] {
  const byCode = new Map<string, ComponentDraft>();
  let repeated = 0;
  for (const bloc of fiche.blocs) {
    const code = bloc.code.trim();
    const title = bloc.title.trim();
    const known = byCode.get(code);
    if (known && known.title === title) repeated += 1;
    else if (known)
      flags.add('blocs', `bloc ${code} has two titles; the first is kept ("${known.title}")`);
    else if (!isBlocCodeOf(fiche.code, code)) {
      flags.add('blocs', `bloc code ${code} does not follow ${fiche.code}BCnn; kept as it is`);
    }
    if (!known) {
      byCode.set(code, {
        code,
        title,
        kind: kind === 'PROFESSIONAL_TITLE' ? 'CCP' : 'BLOC',
        competences: [],
      });
    }
  }
  if (repeated > 0) flags.add('blocs', `${repeated} duplicated row(s) ignored`);
  return [...byCode.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

function revisionLinks(fiche: RncpFiche, flags: Flags): RevisionLink[] {
  const links: RevisionLink[] = [];
  const add = (older: string, newer: string) => {
    if (older === newer || links.some((l) => l.older === older && l.newer === newer)) return;
    links.push({ older, newer });
  };
  for (const row of fiche.links) {
    const older = row.older.trim();
    const newer = row.newer.trim();
    if (older) add(older, fiche.code);
    if (newer) add(fiche.code, newer);
  }
  for (const link of links) {
    flags.add(
      link.older === fiche.code ? 'revisedBy' : 'revises',
      `${link.older} → ${link.newer}: the export gives no correspondence between their blocs; none is recorded`,
    );
  }
  return links;
}

/**
 * One fiche of the export → the certification the platform keeps, with a flag for everything the
 * source says that could not be kept as it is. Never invents: a malformed date is left empty, a
 * fiche the model cannot hold (no level, no bloc, no certifier) is rejected with the reason.
 */
export function mapRncpFiche(fiche: RncpFiche, today: LocalDate): MappedFiche {
  const flags = new Flags(fiche.code);
  if (fiche.standard.length === 0) {
    const parts = [
      fiche.blocs.length > 0 ? 'Blocs_De_Compétences' : null,
      fiche.romeCodes.length > 0 ? 'Rome' : null,
      fiche.nsfCodes.length > 0 ? 'Nsf' : null,
      fiche.formacodes.length > 0 ? 'Formacode' : null,
      fiche.certifiers.length > 0 ? 'Certificateurs' : null,
      fiche.links.length > 0 ? 'Ancienne_Nouvelle_Certification' : null,
    ].filter((part): part is string => part !== null);
    for (const part of parts)
      flags.add(part, `rows for ${fiche.code}, a fiche absent from Standard; ignored`);
    return { outcome: 'absent', flags: flags.list };
  }
  const row = standardRow(fiche, flags);
  const kind: CertificationKind =
    row.abregeLibelle.trim().toUpperCase() === 'TP' ? 'PROFESSIONAL_TITLE' : 'RNCP_CERTIFICATION';
  const notes = [NOTE_DEFAULTS];
  const registeredFrom =
    parseRncpDate(row.dateEffet, 'Date_Effet', flags) ??
    parseRncpDate(row.dateDecision, 'Date_Decision', flags);
  const registeredUntil = parseRncpDate(
    row.dateFinEnregistrement,
    'Date_Fin_Enregistrement',
    flags,
  );
  const certifier = certifiers(fiche, flags, notes);
  const draftComponents = components(fiche, kind, flags);
  const links = revisionLinks(fiche, flags);
  const nsfCodes = codes(fiche.nsfCodes, 'nsfCodes', flags, nsf, '326t');
  const romeCodes = codes(fiche.romeCodes, 'romeCodes', flags, rome, 'M1805');
  const formacodes = codes(fiche.formacodes, 'formacodes', flags, formacode, '31057');
  const active = row.actif.trim().toUpperCase();
  if (active === 'INACTIVE' && (registeredUntil === null || !isAfter(today, registeredUntil))) {
    flags.add(
      'Actif',
      `INACTIVE, but its registration ${registeredUntil ? `runs until ${registeredUntil}` : 'has no end date'}; the dates are kept`,
    );
  }

  const level = parseLevel(row.niveau);
  const reject = (reason: string): MappedFiche => ({
    outcome: 'rejected',
    reason,
    flags: flags.list,
  });
  if (level === null) {
    return reject(
      row.niveau.trim() === ''
        ? 'no level (Nomenclature_Europe_Niveau is empty); a certification needs one'
        : `level "${row.niveau}" is not NIV1 to NIV8; a certification needs one`,
    );
  }
  if (certifier === null)
    return reject('no certifier in Certificateurs; a certification needs one');
  if (draftComponents.length === 0) {
    return reject('no bloc in Blocs_De_Compétences; a certification needs at least one component');
  }
  const draft: CertificationDraft = {
    code: fiche.code,
    rncpCode: looksLikeRncpCode(fiche.code) ? fiche.code : null,
    title: row.intitule.trim(),
    kind,
    level,
    nsfCodes,
    romeCodes,
    formacodes,
    certifier,
    registeredFrom,
    registeredUntil,
    ...RNCP_IMPORT_DEFAULTS[kind],
    // The export says nothing of them: every route open, the kind's default jury (said once).
    pathways: [...PATHWAYS],
    juryRule: defaultJuryRule(kind),
    vaeMinimumExperienceYears: null,
    components: draftComponents,
    specializations: [],
    notes,
  };
  try {
    validateCertificationDraft(draft);
  } catch (error) {
    if (error instanceof InvalidInput) return reject(error.message);
    throw error;
  }
  return { outcome: 'mapped', draft, links, flags: flags.list };
}
