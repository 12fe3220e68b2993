import {
  defaultJuryRule,
  PATHWAYS,
  type CapitalizationRule,
  type Certification,
  type CertificationKind,
  type ComponentKind,
  type RegisterImport,
} from '@certif/referentials-domain';
import { certificationIdentity, certifierWithCpfIdentifiers } from '../certification-fields';
import { CertificationRow } from './certification.row';
import { ComponentRow, SpecializationRow } from './component.row';

/** Lower case, no accents: "Développeur" and "developpeur" find the same certification. */
export function searchable(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

export function toCertificationRow(c: Certification): CertificationRow {
  const certifier = certifierWithCpfIdentifiers(c.certifier);
  return Object.assign(new CertificationRow(), {
    ...certificationIdentity(c),
    nsfCodes: c.nsfCodes,
    romeCodes: c.romeCodes,
    formacodes: c.formacodes,
    certifierName: certifier.name,
    certifierSiret: certifier.siret,
    certifierCpfClientId: certifier.cpfClientId,
    certifierCpfContractId: certifier.cpfContractId,
    registeredFrom: c.registeredFrom,
    registeredUntil: c.registeredUntil,
    capitalizationRule: c.capitalizationRule,
    requiresFinalInterview: c.requiresFinalInterview,
    vaeMinimumExperienceYears: c.vaeMinimumExperienceYears,
    pathways: c.pathways,
    juryRule: c.juryRule,
    publishedAt: c.publishedAt,
    revisesId: c.revisesId,
    revisedById: c.revisedById,
    correspondences: c.correspondences,
    notes: c.notes,
    importedFrom: c.importedFrom?.register ?? null,
    importFingerprint: c.importedFrom?.fingerprint ?? null,
    searchText: searchable(`${c.code} ${c.rncpCode ?? ''} ${c.title} ${c.certifier.name}`).slice(
      0,
      700,
    ),
    certifierSearch: searchable(c.certifier.name).slice(0, 300),
    version: c.version,
  });
}

export function toComponentRows(c: Certification): ComponentRow[] {
  return c.components.map((component) =>
    Object.assign(new ComponentRow(), { ...component, certificationId: c.id }),
  );
}

export function toSpecializationRows(c: Certification): SpecializationRow[] {
  return c.specializations.map((s) =>
    Object.assign(new SpecializationRow(), { ...s, certificationId: c.id }),
  );
}

/** Which register's export made the certification, and what it said; null when made by hand. */
export function toRegisterImport(
  row: Pick<CertificationRow, 'importedFrom' | 'importFingerprint'>,
): RegisterImport | null {
  return row.importedFrom === 'RNCP_OPEN_DATA'
    ? { register: row.importedFrom, fingerprint: row.importFingerprint ?? '' }
    : null;
}

export function toCertification(
  row: CertificationRow,
  components: ComponentRow[],
  specializations: SpecializationRow[],
): Certification {
  return {
    id: row.id,
    code: row.code,
    rncpCode: row.rncpCode,
    title: row.title,
    kind: row.kind as CertificationKind,
    level: row.level,
    nsfCodes: row.nsfCodes,
    romeCodes: row.romeCodes,
    formacodes: row.formacodes,
    certifier: {
      name: row.certifierName,
      siret: row.certifierSiret,
      cpfClientId: row.certifierCpfClientId,
      cpfContractId: row.certifierCpfContractId,
    },
    registeredFrom: row.registeredFrom,
    registeredUntil: row.registeredUntil,
    capitalizationRule: row.capitalizationRule as CapitalizationRule,
    requiresFinalInterview: Boolean(row.requiresFinalInterview),
    vaeMinimumExperienceYears: row.vaeMinimumExperienceYears,
    pathways: row.pathways ?? [...PATHWAYS],
    juryRule: row.juryRule ?? defaultJuryRule(row.kind as CertificationKind),
    publishedAt: row.publishedAt,
    revisesId: row.revisesId,
    revisedById: row.revisedById,
    correspondences: row.correspondences,
    notes: row.notes,
    importedFrom: toRegisterImport(row),
    version: row.version,
    components: components
      .sort((a, b) => a.position - b.position)
      .map(({ id, code, title, kind, position, competences }) => ({
        id,
        code,
        title,
        kind: kind as ComponentKind,
        position,
        competences,
      })),
    specializations: specializations.map(({ id, code, title }) => ({ id, code, title })),
  };
}
