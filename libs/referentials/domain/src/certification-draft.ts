import type { LocalDate } from '@certif/platform-calendar';
import type { JuryRule, Pathway } from './access-rules';

export const CERTIFICATION_KINDS = ['PROFESSIONAL_TITLE', 'RNCP_CERTIFICATION'] as const;
export type CertificationKind = (typeof CERTIFICATION_KINDS)[number];

export const COMPONENT_KINDS = ['CCP', 'BLOC'] as const;
export type ComponentKind = (typeof COMPONENT_KINDS)[number];

/** R2: how long acquired components count towards the title. */
export const CAPITALIZATION_RULES = [
  'FIVE_YEARS_FROM_FIRST_COMPONENT',
  'WITHIN_TITLE_VALIDITY',
  'UNLIMITED',
] as const;
export type CapitalizationRule = (typeof CAPITALIZATION_RULES)[number];

export interface CertifierDraft {
  name: string;
  /** 14 digits; null when the source gives none. */
  siret: string | null;
  /**
   * The identifiers the Caisse des Dépôts gives a certifier for depositing its holders (the
   * "accrochage certificateur"): the client id (8 characters) and the contract id (≤ 20). Absent
   * or null until a REFERENTIAL_MANAGER enters them: no deposit can be made without them.
   */
  cpfClientId?: string | null;
  cpfContractId?: string | null;
}

export interface ComponentDraft {
  code: string;
  title: string;
  kind: ComponentKind;
  competences: string[];
}

export interface SpecializationDraft {
  code: string;
  title: string;
}

/** What a certifier submits to create a certification (DRAFT). */
export interface CertificationDraft {
  /** Unique code: the RNCP number when known, else a local code that cannot pass for one. */
  code: string;
  /** The RNCP number as printed by the source, or null when the source prints none. */
  rncpCode: string | null;
  title: string;
  kind: CertificationKind;
  /** EU level, 1–8 (old French level III = EU 5). */
  level: number;
  nsfCodes: string[];
  romeCodes: string[];
  formacodes: string[];
  certifier: CertifierDraft;
  registeredFrom: LocalDate | null;
  registeredUntil: LocalDate | null;
  capitalizationRule: CapitalizationRule;
  /** R3: a final jury step is needed after the last component before the title is awarded. */
  requiresFinalInterview: boolean;
  /** R6: minimum years of experience for a VAE application, when the source states one. */
  vaeMinimumExperienceYears: number | null;
  /** The access routes the fiche opens (its Oui/Non table); all of them when it states none. */
  pathways: Pathway[];
  /** R8/R9: the jury a session needs before it deliberates (defaultJuryRule when none stated). */
  juryRule: JuryRule;
  components: ComponentDraft[];
  specializations: SpecializationDraft[];
  /** Data-quality notes and assumptions, shown to users (DOMAIN.md, "Data quality"). */
  notes: string[];
}
