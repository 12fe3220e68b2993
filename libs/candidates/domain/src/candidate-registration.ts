import { fullYearsBetween, isAfter, isLocalDate, type LocalDate } from '@certif/platform-calendar';
import { InputProblems } from '@certif/platform-errors';
import type { RegistrationDraft } from './candidate';

export const NAME_MAX_LENGTH = 100;
export const EMAIL_MAX_LENGTH = 254;
export const ACCOMMODATION_MAX_LENGTH = 200;
export const ACCOMMODATIONS_MAX_COUNT = 10;
/** Below this age nobody starts a professional certification: a birth date that says so is a typo. */
export const MINIMUM_AGE = 15;

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

/**
 * Trims names and accommodations, lower-cases the email (a blank optional field counts as
 * absent) and checks everything at once: one refusal lists every field at fault.
 */
export function validateRegistration(
  draft: RegistrationDraft,
  today: LocalDate,
): RegistrationDraft {
  const normalized: RegistrationDraft = {
    firstName: draft.firstName.trim(),
    lastName: draft.lastName.trim(),
    birthDate: draft.birthDate?.trim() || null,
    email: draft.email?.trim().toLowerCase() || null,
    accommodations: draft.accommodations.map((a) => a.trim()),
  };
  const problems = new InputProblems();
  checkName(problems, 'input.firstName', normalized.firstName);
  checkName(problems, 'input.lastName', normalized.lastName);
  if (normalized.birthDate !== null) checkBirthDate(problems, normalized.birthDate, today);
  if (normalized.email !== null) checkEmail(problems, normalized.email);
  checkAccommodations(problems, normalized.accommodations);
  problems.throwIfAny();
  return normalized;
}
