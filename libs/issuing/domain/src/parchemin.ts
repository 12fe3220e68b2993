import type { LocalDate } from '@certif/platform-calendar';
import type { CertificationVersion, VersionComponent } from './certification-lineage';
import type { HeldComponent } from './correspondence-mapping';

export const PARCHEMIN_STATUSES = ['VALID', 'REVOKED'] as const;
export type ParcheminStatus = (typeof PARCHEMIN_STATUSES)[number];

/**
 * What a parchemin states, fixed when it is issued: a later revision or closure of the
 * certification does not change a diploma already delivered. The holder's name is not part of
 * it: it is read when a document is made, so that erasure (R13) reaches every later document.
 */
export interface ParcheminContent {
  /** The version's facts as they were on the day of issue (its certifier without CPF ids). */
  certification: Pick<
    CertificationVersion,
    'id' | 'code' | 'rncpCode' | 'title' | 'kind' | 'level'
  > & {
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

/**
 * A parchemin issued (R11): its number, its verification code, what it states, and its
 * revocation. Never deleted: a revoked one keeps its record. Its verifiable credential (the
 * signed VC JWT) is made from it on demand.
 */
export interface Parchemin {
  id: string;
  number: string;
  candidateId: string;
  lineageRootId: string;
  certificationId: string;
  specializationId: string | null;
  /** '' for the title, the CCS code for a CCS: with candidate and lineage, unique (one parchemin). */
  specializationKey: string;
  verificationCode: string;
  issuedOn: LocalDate;
  /** The date of the jury decision that completed the title (or awarded the CCS). */
  obtainedOn: LocalDate;
  issuedAt: Date;
  status: ParcheminStatus;
  content: ParcheminContent;
  revokedAt: Date | null;
  revokedBy: string | null;
  revocationReason: string | null;
  /**
   * Set when a correction of the jury decision withdrew the title (R9): the correcting decision.
   * Such a parchemin does not stand in the way of a new one if the title is earned again; one a
   * person revoked does (never re-issued automatically).
   */
  revokingDecisionId: string | null;
}

/** What is known of a parchemin when it is issued; the rest follows from its content. */
export type NewParchemin = Pick<
  Parchemin,
  | 'id'
  | 'number'
  | 'candidateId'
  | 'lineageRootId'
  | 'verificationCode'
  | 'issuedOn'
  | 'obtainedOn'
  | 'issuedAt'
  | 'content'
>;

/** A parchemin as issued: VALID, of the certification (and CCS) its content states. */
export function newParchemin(issued: NewParchemin): Parchemin {
  return {
    ...issued,
    certificationId: issued.content.certification.id,
    specializationId: issued.content.specialization?.id ?? null,
    specializationKey: issued.content.specialization?.code ?? '',
    status: 'VALID',
    revokedAt: null,
    revokedBy: null,
    revocationReason: null,
    revokingDecisionId: null,
  };
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
export function parcheminTitle(content: ParcheminContent): string {
  return content.specialization
    ? `${content.specialization.title} (certificat complémentaire de spécialisation — ${content.certification.title})`
    : content.certification.title;
}

/**
 * Numbers read `TP-CDA-2026-000123`: the certification's (or CCS's) code, the year the title was
 * obtained (not the year it was processed: a decision taken over from an earlier system keeps
 * its year), a sequence.
 */
export function parcheminNumberPrefix(content: ParcheminContent, obtainedOn: LocalDate): string {
  return `${content.specialization?.code ?? content.certification.code}-${obtainedOn.slice(0, 4)}`;
}

/**
 * Where a parchemin's revocation bit sits in a Bitstring Status List: one list per number
 * prefix (`TP-CDA-2026`), at the number's sequence. Stable, and known from the number alone.
 */
export function statusListPosition(number: string): { list: string; index: number } {
  const match = /^(.+-\d{4})-(\d{6,})$/.exec(number);
  if (!match) throw new RangeError(`not a parchemin number: ${number}`);
  return { list: match[1] as string, index: Number(match[2]) };
}

/** A status list's name is a number prefix: a code, a dash, a year. */
export function isStatusListName(list: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,60}-\d{4}$/.test(list);
}

/**
 * The Bitstring Status List's bits (W3C): bit `i` is the i-th from the left of the first byte
 * (most significant first); set = revoked. At least 131,072 bits (16 KiB), the minimum that
 * keeps one parchemin's check from revealing which one is being checked.
 */
export function revocationBitstring(revokedIndexes: readonly number[]): Uint8Array {
  const minimumBits = 131_072;
  const bits = Math.max(minimumBits, Math.ceil((Math.max(-1, ...revokedIndexes) + 1) / 8) * 8);
  const bytes = new Uint8Array(bits / 8);
  for (const index of revokedIndexes) {
    bytes[index >> 3] = (bytes[index >> 3] as number) | (0x80 >> (index & 7));
  }
  return bytes;
}

export function formatParcheminNumber(prefix: string, sequence: number): string {
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

/**
 * The parchemin that stands for (candidate, lineage, title or CCS), if any: the VALID one, else
 * one a person revoked — a revoked parchemin is never re-issued automatically. A parchemin revoked
 * because a correction withdrew the title (R9) does not stand: if the title is earned again, a
 * new one is issued.
 */
export function standingParchemin(
  parchemins: readonly Parchemin[],
  lineageRootId: string,
  specializationKey = '',
): Parchemin | undefined {
  const mine = parchemins.filter(
    (c) => c.lineageRootId === lineageRootId && c.specializationKey === specializationKey,
  );
  return mine.find((c) => c.status === 'VALID') ?? mine.find((c) => c.revokingDecisionId === null);
}
