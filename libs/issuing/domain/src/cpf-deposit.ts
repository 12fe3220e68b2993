import { addDays, isLocalDate, type LocalDate } from '@certif/platform-calendar';
import type { ParcheminContent } from './parchemin';

// The deposit of holders with the Caisse des Dépôts ("accrochage certificateur",
// ../shared/formats/cpf-accrochage.md): which parchemin can be deposited, what a passage says,
// what is missing, and the three-month deadline. The XML itself is written by an adapter.

/** The national register a certification is listed in. */
export type CpfRegister = 'RNCP' | 'RS';

export interface CpfCertification {
  type: CpfRegister;
  /** As the register spells it: `RNCP36912`, `RS5487`. */
  code: string;
}

const RNCP_CODE = /^RNCP\d{3,6}$/;
const RS_CODE = /^RS\d{3,6}$/;

function registerCode(code: string | null | undefined): CpfCertification | null {
  if (!code) return null;
  if (RNCP_CODE.test(code)) return { type: 'RNCP', code };
  if (RS_CODE.test(code)) return { type: 'RS', code };
  return null;
}

/**
 * The register entry a parchemin is deposited under, or null when it has none (the seeds' local
 * codes such as `TP-CDA`): such a parchemin is reported as not depositable. A CCS (R7) is
 * depositable only under a register code of its own, never under its title's.
 */
export function cpfCertificationOf(content: ParcheminContent): CpfCertification | null {
  if (content.specialization) return registerCode(content.specialization.code);
  return registerCode(content.certification.rncpCode) ?? registerCode(content.certification.code);
}

/** The Caisse des Dépôts' `modaliteAcces`. */
export const CPF_ACCESS_MODES = [
  'FORMATION_INITIALE_HORS_APPRENTISSAGE',
  'FORMATION_INITIALE_APPRENTISSAGE',
  'FORMATION_CONTINUE_HORS_CONTRAT_DE_PROFESSIONNALISATION',
  'FORMATION_CONTINUE_CONTRAT_DE_PROFESSIONNALISATION',
  'VAE',
  'EQUIVALENCE_DIPLOME_ETRANGER',
  'CANDIDAT_LIBRE',
] as const;
export type CpfAccessMode = (typeof CPF_ACCESS_MODES)[number];

/**
 * From the enrolment's pathway (the contract's `Pathway`) to the register's access mode. A
 * discontinuous pathway (modules over time) is continuing training; VAE is sent as
 * `VAE_CLASSIQUE` (the platform does not record a congé VAE).
 */
const ACCESS_MODE_OF_PATHWAY: Record<string, CpfAccessMode> = {
  INITIAL_TRAINING: 'FORMATION_INITIALE_HORS_APPRENTISSAGE',
  APPRENTICESHIP: 'FORMATION_INITIALE_APPRENTISSAGE',
  CONTINUOUS_TRAINING: 'FORMATION_CONTINUE_HORS_CONTRAT_DE_PROFESSIONNALISATION',
  DISCONTINUOUS_TRAINING: 'FORMATION_CONTINUE_HORS_CONTRAT_DE_PROFESSIONNALISATION',
  PROFESSIONALISATION_CONTRACT: 'FORMATION_CONTINUE_CONTRAT_DE_PROFESSIONNALISATION',
  VAE: 'VAE',
  INDIVIDUAL_APPLICATION: 'CANDIDAT_LIBRE',
};

export function cpfAccessModeOf(pathway: string): CpfAccessMode | null {
  return ACCESS_MODE_OF_PATHWAY[pathway] ?? null;
}

/** What issuing knows of a holder for the register (candidates.candidate.v1). */
export interface CpfHolder {
  firstName: string;
  lastName: string;
  birthName: string | null;
  birthDate: LocalDate | null;
  sex: 'F' | 'M' | null;
  birthPlace: {
    inseeCode: string | null;
    postalCode: string | null;
    city: string | null;
    countryCode: string | null;
    country: string | null;
  } | null;
  /** Set once the identity was erased (R13). */
  erased: boolean;
  /** The pathway of the holder's enrolment in the certification's lineage, if known. */
  pathway: string | null;
}

/** `passageCertification`: one holder's award, as the Caisse des Dépôts' schema 1.1.2 has it. */
export interface CpfPassage {
  /** The parchemin's number: stable, unique, what the processing report names. */
  idTechnique: string;
  obtention: 'PAR_ADMISSION';
  dateDebutValidite: LocalDate;
  /** Null: no end of validity (nil in the file). */
  dateFinValidite: LocalDate | null;
  modaliteAcces: CpfAccessMode;
  voieAccesVae: 'VAE_CLASSIQUE' | 'CONGES_VAE' | null;
  titulaire: {
    nomNaissance: string;
    /** Null (nil) when the same as the birth name. */
    nomUsage: string | null;
    prenom1: string;
    anneeNaissance: number;
    moisNaissance: number;
    jourNaissance: number;
    sexe: 'F' | 'M';
    /** Exactly one of the two. */
    codeInsee: string | null;
    codePostal: string | null;
    libelleCommune: string | null;
    codePays: string | null;
    libellePays: string | null;
  };
}

/** The schema's lengths: names ≤ 60, commune and country ≤ 60, country code 3. */
export const CPF_NAME_MAX_LENGTH = 60;

export interface ParcheminToDeposit {
  number: string;
  obtainedOn: LocalDate;
}

export type PassageOrMissing = { passage: CpfPassage } | { missing: string[] };

/**
 * The passage of a parchemin, or everything that keeps it from being deposited (all at once, so
 * that one correction fixes it): a passage is never sent half empty.
 */
export function cpfPassageOf(
  parchemin: ParcheminToDeposit,
  holder: CpfHolder | undefined,
): PassageOrMissing {
  if (!holder) return { missing: ['holder (candidates.candidate.v1 not received)'] };
  if (holder.erased) return { missing: ['holder identity (erased, R13)'] };
  const missing: string[] = [];
  const nomNaissance = holder.birthName ?? holder.lastName;
  const tooLong = (field: string, value: string | null | undefined) => {
    if (value && value.length > CPF_NAME_MAX_LENGTH)
      missing.push(`${field} of at most ${CPF_NAME_MAX_LENGTH} characters (${value.length})`);
  };
  tooLong('birthName', nomNaissance);
  tooLong('lastName', holder.lastName);
  tooLong('firstName', holder.firstName);
  tooLong('birthPlace.city', holder.birthPlace?.city);
  tooLong('birthPlace.country', holder.birthPlace?.country);
  if (!holder.birthDate || !isLocalDate(holder.birthDate)) missing.push('birthDate');
  if (!holder.sex) missing.push('sex');
  const place = holder.birthPlace;
  if (!place?.inseeCode && !place?.postalCode) missing.push('birthPlace.inseeCode or postalCode');
  const modaliteAcces = holder.pathway ? cpfAccessModeOf(holder.pathway) : null;
  if (!modaliteAcces)
    missing.push(
      holder.pathway ? `an access mode for pathway ${holder.pathway}` : 'enrolment pathway',
    );
  if (!/^(19|20)\d{2}-/.test(parchemin.obtainedOn)) missing.push('obtainedOn (19xx or 20xx)');
  if (missing.length > 0 || !modaliteAcces || !holder.birthDate || !holder.sex || !place)
    return { missing };
  const [year, month, day] = holder.birthDate.split('-').map(Number) as [number, number, number];
  return {
    passage: {
      idTechnique: parchemin.number,
      obtention: 'PAR_ADMISSION',
      dateDebutValidite: parchemin.obtainedOn,
      dateFinValidite: null,
      modaliteAcces,
      voieAccesVae: modaliteAcces === 'VAE' ? 'VAE_CLASSIQUE' : null,
      titulaire: {
        nomNaissance,
        nomUsage: holder.lastName !== nomNaissance ? holder.lastName : null,
        prenom1: holder.firstName,
        anneeNaissance: year,
        moisNaissance: month,
        jourNaissance: day,
        sexe: holder.sex,
        codeInsee: place.inseeCode,
        codePostal: place.inseeCode ? null : place.postalCode,
        libelleCommune: place.city,
        codePays: place.countryCode,
        libellePays: place.country,
      },
    },
  };
}

/** The certifier's identifiers with the Caisse des Dépôts; what is missing to deposit. */
export interface CpfCertifier {
  name: string;
  siret: string | null;
  cpfClientId?: string | null;
  cpfContractId?: string | null;
}

export function missingCertifierData(certifier: CpfCertifier): string[] {
  const missing: string[] = [];
  if (!certifier.cpfClientId || certifier.cpfClientId.length !== 8) missing.push('cpfClientId');
  if (!certifier.cpfContractId || certifier.cpfContractId.length > 20)
    missing.push('cpfContractId');
  return missing;
}

/** Adds calendar months; the 31st becomes the last day of a shorter month. */
function addMonths(date: LocalDate, months: number): LocalDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(targetYear, 4)}-${pad(targetMonth)}-${pad(Math.min(day, lastDay))}` as LocalDate;
}

/** The legal duty: every holder deposited within three months of the award. */
export const CPF_DEPOSIT_MONTHS = 3;

/** The last day a parchemin obtained on `obtainedOn` may be deposited. */
export function cpfDepositDeadline(obtainedOn: LocalDate): LocalDate {
  return addMonths(obtainedOn, CPF_DEPOSIT_MONTHS);
}

/**
 * Overdue from the day after the deadline, unless the Caisse des Dépôts accepted it. Returns the
 * first day it is overdue, which the store compares `obtainedOn` against.
 */
export function isCpfDepositOverdue(obtainedOn: LocalDate, today: LocalDate): boolean {
  return cpfDepositDeadline(obtainedOn) < today;
}

/** Parchemins obtained before this day are overdue today (the store's filter). */
export function cpfOverdueObtainedBefore(today: LocalDate): LocalDate {
  // obtainedOn + 3 months < today  ⇔  obtainedOn < today − 3 months (month ends rounded down).
  let candidate = addMonths(today, -CPF_DEPOSIT_MONTHS);
  while (!isCpfDepositOverdue(candidate, today)) candidate = addDays(candidate, -1);
  // Move forward to the first date that is no longer overdue.
  let next = addDays(candidate, 1);
  while (isCpfDepositOverdue(next, today)) {
    candidate = next;
    next = addDays(next, 1);
  }
  return next;
}
