/** Whose data is exported: the signed-in candidate. */
export interface PersonalDataSubject {
  candidateId: string;
  /** The token's subject, for sources that key their data by user rather than by candidate. */
  sub: string;
}

/**
 * One source of personal data in the GDPR export (R13, access right). The candidates service
 * contributes its own section; another part of the platform (issuing's livrets and parchemins)
 * is added by giving the export one more contributor, without changing the use case.
 */
export interface PersonalDataContributor {
  /** The section's name in the export, e.g. "candidates". */
  readonly source: string;
  /** Everything this source holds on the subject, as plain JSON; null when it holds nothing. */
  collect(subject: PersonalDataSubject): Promise<Record<string, unknown> | null>;
}
