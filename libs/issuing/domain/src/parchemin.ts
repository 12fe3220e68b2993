import type { LocalDate } from '@certif/platform-calendar';
import type {
  CertificationKind,
  CertificationVersion,
  VersionComponent,
} from './certification-lineage';
import type { HeldComponent } from './correspondence-mapping';

export const CREDENTIAL_STATUSES = ['VALID', 'REVOKED'] as const;
export type CredentialStatus = (typeof CREDENTIAL_STATUSES)[number];

/**
 * What a parchemin states, fixed when it is issued: a later revision or closure of the
 * certification does not change a diploma already delivered. The holder's name is not part of
 * it: it is read when a document is made, so that erasure (R13) reaches every later document.
 */
export interface ParcheminContent {
  certification: {
    id: string;
    code: string;
    rncpCode: string | null;
    title: string;
    kind: CertificationKind;
    level: number;
    certifier: { name: string; siret: string | null };
  };
  /** A CCS (R7), or null for the title itself. */
  specialization: { id: string; code: string; title: string } | null;
  components: {
    componentId: string;
    code: string;
    title: string;
    acquiredOn: LocalDate;
    viaCorrespondence: boolean;
  }[];
}

export function parcheminContent(
  certification: CertificationVersion,
  held: readonly HeldComponent[],
  specialization: ParcheminContent['specialization'] = null,
): ParcheminContent {
  const byId = new Map<string, VersionComponent>(certification.components.map((c) => [c.id, c]));
  return {
    certification: {
      id: certification.id,
      code: certification.code,
      rncpCode: certification.rncpCode,
      title: certification.title,
      kind: certification.kind,
      level: certification.level,
      certifier: { ...certification.certifier },
    },
    specialization: specialization ? { ...specialization } : null,
    components: held.map((h) => ({
      componentId: h.componentId,
      code: byId.get(h.componentId)?.code ?? h.componentId,
      title: byId.get(h.componentId)?.title ?? '',
      acquiredOn: h.acquiredOn,
      viaCorrespondence: h.viaCorrespondence,
    })),
  };
}

/** The title a person reads: the certification's, or the CCS's with its title. */
export function credentialTitle(content: ParcheminContent): string {
  return content.specialization
    ? `${content.specialization.title} (certificat complémentaire de spécialisation — ${content.certification.title})`
    : content.certification.title;
}

/**
 * Numbers read `TP-CDA-2026-000123`: the certification's (or CCS's) code, the year the title was
 * obtained (not the year it was processed: a decision taken over from an earlier system keeps
 * its year), a sequence.
 */
export function credentialNumberPrefix(content: ParcheminContent, obtainedOn: LocalDate): string {
  return `${content.specialization?.code ?? content.certification.code}-${obtainedOn.slice(0, 4)}`;
}

export function formatCredentialNumber(prefix: string, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1)
    throw new RangeError(`sequence must be a positive integer; got ${sequence}`);
  return `${prefix}-${String(sequence).padStart(6, '0')}`;
}

/**
 * R11: parchemins and livrets of a titre professionnel are delivered by the territorial
 * representative of the ministry; other certifications by their certifier.
 */
export function issuingAuthority(certification: ParcheminContent['certification']): string {
  if (certification.kind === 'PROFESSIONAL_TITLE') {
    return `Le représentant territorial du ministère chargé de l'emploi (certificateur : ${certification.certifier.name})`;
  }
  const siret = certification.certifier.siret ? ` (SIRET ${certification.certifier.siret})` : '';
  return `${certification.certifier.name}${siret}`;
}
