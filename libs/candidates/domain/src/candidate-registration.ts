import { fullYearsBetween, isAfter, isLocalDate, type LocalDate } from '@certif/platform-calendar';
import { InputProblems } from '@certif/platform-errors';
import { SEXES, type BirthPlace, type RegistrationDraft, type Sex } from './candidate';

export const NAME_MAX_LENGTH = 100;
export const EMAIL_MAX_LENGTH = 254;
export const ACCOMMODATION_MAX_LENGTH = 200;
export const ACCOMMODATIONS_MAX_COUNT = 10;
/** Below this age nobody starts a professional certification: a birth date that says so is a typo. */
export const MINIMUM_AGE = 15;

/** The register's limits (the Caisse des Dépôts' schema): commune and country names ≤ 60. */
export const PLACE_NAME_MAX_LENGTH = 60;
/** INSEE commune code: 5 digits, or 2A/2B and 3 digits in Corsica; 99xxx for a country abroad. */
const INSEE_CODE = /^(?:\d{5}|2[AB]\d{3})$/;
/** French postal codes are 5 digits; a foreign one may have letters, spaces, hyphens (≤ 9). */
const POSTAL_CODE = /^[A-Z0-9][A-Z0-9 -]{0,8}$/;
/** Three letters (ISO 3166-1 alpha-3, e.g. FRA) or three digits. */
const COUNTRY_CODE = /^(?:[A-Z]{3}|\d{3})$/;

/**
 * A simple, robust shape check (no attempt at RFC 5322): something before "@", a domain of
 * dot-separated labels of letters, digits and hyphens, a top-level domain of letters.
 */
const EMAIL =
  /^[^\s@]{1,64}@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

function checkName(problems: InputProblems, field: string, value: string): void {
  problems
    .check(value !== '', field, 'must not be empty')
    .check(
      value.length <= NAME_MAX_LENGTH,
      field,
      `must be at most ${NAME_MAX_LENGTH} characters; got ${value.length}`,
    )
    .check(!CONTROL_CHARACTERS.test(value), field, 'must not contain control characters');
}

function checkBirthDate(problems: InputProblems, birthDate: LocalDate, today: LocalDate): void {
  const field = 'input.birthDate';
  if (!isLocalDate(birthDate)) {
    problems.add(field, `"${birthDate}" is not a real date written YYYY-MM-DD`);
  } else if (isAfter(birthDate, today)) {
    problems.add(field, `${birthDate} is in the future (today is ${today})`);
  } else if (fullYearsBetween(birthDate, today) < MINIMUM_AGE) {
    problems.add(
      field,
      `a candidate born on ${birthDate} is ${fullYearsBetween(birthDate, today)} today; ` +
        `a candidate must be at least ${MINIMUM_AGE}: check the date`,
    );
  }
}

function checkEmail(problems: InputProblems, email: string): void {
  problems.check(
    email.length <= EMAIL_MAX_LENGTH && EMAIL.test(email),
    'input.email',
    `"${email}" is not a well-formed email address, e.g. prenom.nom@example.fr`,
  );
}

function checkAccommodations(problems: InputProblems, accommodations: string[]): void {
  problems.check(
    accommodations.length <= ACCOMMODATIONS_MAX_COUNT,
    'input.accommodations',
    `at most ${ACCOMMODATIONS_MAX_COUNT} accommodations; got ${accommodations.length}`,
  );
  accommodations.forEach((accommodation, index) => {
    const field = `input.accommodations[${index}]`;
    problems
      .check(accommodation !== '', field, 'must not be empty')
      .check(
        accommodation.length <= ACCOMMODATION_MAX_LENGTH,
        field,
        `must be at most ${ACCOMMODATION_MAX_LENGTH} characters; got ${accommodation.length}`,
      );
  });
}

function checkSex(problems: InputProblems, sex: Sex): void {
  problems.check(SEXES.includes(sex), 'input.sex', `must be F or M; got "${sex}"`);
}

function checkBirthPlace(problems: InputProblems, place: BirthPlace): void {
  const at = (part: string) => `input.birthPlace.${part}`;
  if (place.inseeCode !== null)
    problems.check(
      INSEE_CODE.test(place.inseeCode),
      at('inseeCode'),
      `an INSEE commune code is 5 characters, e.g. 69123 or 2A004 (99xxx abroad); got "${place.inseeCode}"`,
    );
  if (place.postalCode !== null)
    problems.check(
      POSTAL_CODE.test(place.postalCode),
      at('postalCode'),
      `must be 1 to 9 letters, digits, spaces or hyphens, e.g. 69001; got "${place.postalCode}"`,
    );
  if (place.countryCode !== null)
    problems.check(
      COUNTRY_CODE.test(place.countryCode),
      at('countryCode'),
      `must be 3 characters, e.g. FRA; got "${place.countryCode}"`,
    );
  for (const part of ['city', 'country'] as const) {
    const value = place[part];
    if (value === null) continue;
    problems
      .check(
        value.length <= PLACE_NAME_MAX_LENGTH,
        at(part),
        `must be at most ${PLACE_NAME_MAX_LENGTH} characters; got ${value.length}`,
      )
      .check(!CONTROL_CHARACTERS.test(value), at(part), 'must not contain control characters');
  }
}

/** Trimmed, codes upper-cased, blanks as absent; null when nothing is left. */
function normalizeBirthPlace(place: BirthPlace | null): BirthPlace | null {
  if (!place) return null;
  const text = (value: string | null) => value?.trim() || null;
  const code = (value: string | null) => text(value)?.toUpperCase() ?? null;
  const normalized: BirthPlace = {
    inseeCode: code(place.inseeCode),
    postalCode: code(place.postalCode),
    city: text(place.city),
    countryCode: code(place.countryCode),
    country: text(place.country),
  };
  return Object.values(normalized).some((v) => v !== null) ? normalized : null;
}

/**
 * Trims names and accommodations, lower-cases the email, upper-cases the birth place's codes (a
 * blank optional field counts as absent) and checks everything at once: one refusal lists every field at fault.
 */
export function validateRegistration(
  draft: RegistrationDraft,
  today: LocalDate,
): Required<RegistrationDraft> {
  const normalized: Required<RegistrationDraft> = {
    firstName: draft.firstName.trim(),
    lastName: draft.lastName.trim(),
    // A LocalDate is parsed at the edge (the Date scalar): nothing to trim.
    birthDate: draft.birthDate || null,
    email: draft.email?.trim().toLowerCase() || null,
    accommodations: draft.accommodations.map((a) => a.trim()),
    sex: draft.sex ?? null,
    birthName: draft.birthName?.trim() || null,
    birthPlace: normalizeBirthPlace(draft.birthPlace ?? null),
  };
  // A birth name equal to the last name says nothing more: the register wants it only when it differs.
  if (normalized.birthName === normalized.lastName) normalized.birthName = null;
  const problems = new InputProblems();
  checkName(problems, 'input.firstName', normalized.firstName);
  checkName(problems, 'input.lastName', normalized.lastName);
  if (normalized.birthDate !== null) checkBirthDate(problems, normalized.birthDate, today);
  if (normalized.email !== null) checkEmail(problems, normalized.email);
  checkAccommodations(problems, normalized.accommodations);
  if (normalized.sex !== null) checkSex(problems, normalized.sex);
  if (normalized.birthName !== null) checkName(problems, 'input.birthName', normalized.birthName);
  if (normalized.birthPlace !== null) checkBirthPlace(problems, normalized.birthPlace);
  problems.throwIfAny();
  return normalized;
}
