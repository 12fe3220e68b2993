import {
  addYears,
  isAfter,
  isBefore,
  isLocalDate,
  type LocalDate,
} from '@certif/platform-calendar';
import { InputProblems, InvalidInput } from '@certif/platform-errors';
import { isOpen, type Enrollment, type VaeAdmissibility } from './enrollment';
import type { KnownCertification } from './known-certification';
import { plural, refuseIfAny } from './refusal';

/**
 * A recevabilité usually comes before the VAE pathway starts. A notice issued more than this many
 * years before the enrolment's start is refused as stale (a product decision: DREETS notices are
 * acted on within a few years; an older one is most likely a typo or a notice of another pathway).
 */
export const VAE_NOTICE_MAX_YEARS_BEFORE_START = 3;
export const NOTICE_NUMBER_MAX_LENGTH = 100;
export const ISSUED_BY_MAX_LENGTH = 200;
export const EXPERIENCE_YEARS_MAX = 60;

export interface VaeAdmissibilityDraft {
  noticeNumber: string;
  issuedOn: LocalDate;
  issuedBy: string;
  experienceYears: number | null;
}

function checkText(problems: InputProblems, field: string, value: string, max: number): void {
  problems
    .check(value !== '', field, 'must not be empty')
    .check(value.length <= max, field, `must be at most ${max} characters; got ${value.length}`);
}

function checkIssuedOn(
  problems: InputProblems,
  issuedOn: LocalDate,
  startedOn: LocalDate,
  today: LocalDate,
): void {
  const field = 'input.issuedOn';
  const earliest = addYears(startedOn, -VAE_NOTICE_MAX_YEARS_BEFORE_START);
  if (!isLocalDate(issuedOn)) {
    problems.add(field, `"${issuedOn}" is not a real date written YYYY-MM-DD`);
  } else if (isAfter(issuedOn, today)) {
    problems.add(field, `${issuedOn} is in the future (today is ${today})`);
  } else if (isBefore(issuedOn, earliest)) {
    problems.add(
      field,
      `${issuedOn} is more than ${VAE_NOTICE_MAX_YEARS_BEFORE_START} years before the enrolment ` +
        `started (${startedOn}); a notice issued on or after ${earliest} is needed`,
    );
  }
}

/** R6: returns true when the minimum experience of the certification is not met. */
function checkExperience(
  problems: InputProblems,
  years: number | null,
  certification: KnownCertification,
): boolean {
  const field = 'input.experienceYears';
  if (years !== null && (!Number.isFinite(years) || years < 0 || years > EXPERIENCE_YEARS_MAX)) {
    problems.add(
      field,
      `must be a number of years from 0 to ${EXPERIENCE_YEARS_MAX}; got ${years}`,
    );
    return false;
  }
  const minimum = certification.vaeMinimumExperienceYears;
  if (minimum === null) return false;
  const requirement = `${certification.code} requires ${plural(minimum, 'year')} of experience for VAE (R6)`;
  if (years === null) {
    problems.add(field, `${requirement}: give the candidate's years of experience`);
    return true;
  }
  if (years < minimum) {
    problems.add(field, `${requirement}; the notice states ${plural(years, 'year')}`);
    return true;
  }
  return false;
}

function sameNotice(recorded: VaeAdmissibility, draft: VaeAdmissibilityDraft): boolean {
  return (
    recorded.noticeNumber === draft.noticeNumber &&
    recorded.issuedOn === draft.issuedOn &&
    recorded.issuedBy === draft.issuedBy &&
    recorded.experienceYears === draft.experienceYears
  );
}

/** Trims the texts; a notice number or authority is compared and stored as typed otherwise. */
export function normalizeVaeAdmissibility(draft: VaeAdmissibilityDraft): VaeAdmissibilityDraft {
  return {
    noticeNumber: draft.noticeNumber.trim(),
    issuedOn: draft.issuedOn,
    issuedBy: draft.issuedBy.trim(),
    experienceYears: draft.experienceYears,
  };
}

/**
 * R6: records the recevabilité of a VAE enrolment with the minimum experience that applied.
 * Returns null when the same notice is already recorded (a retried request: nothing changes).
 * A different notice does not replace a recorded one: a recevabilité is evidence, kept as given.
 */
export function planVaeAdmissibility(
  enrollment: Enrollment,
  input: VaeAdmissibilityDraft,
  certification: KnownCertification,
  today: LocalDate,
  recordedAt: Date,
): VaeAdmissibility | null {
  if (enrollment.pathway !== 'VAE') {
    throw new InvalidInput(
      `enrolment ${enrollment.id} follows the ${enrollment.pathway} pathway; a recevabilité is ` +
        'recorded only on a VAE enrolment (R6)',
      'enrollmentId',
      'R6',
    );
  }
  if (!isOpen(enrollment)) {
    throw new InvalidInput(
      `enrolment ${enrollment.id} is ${enrollment.status}: it takes no recevabilité`,
      'enrollmentId',
    );
  }
  const draft = normalizeVaeAdmissibility(input);
  const recorded = enrollment.vaeAdmissibility;
  if (recorded) {
    if (sameNotice(recorded, draft)) return null;
    throw new InvalidInput(
      `enrolment ${enrollment.id} already has its recevabilité (notice ${recorded.noticeNumber} ` +
        `issued on ${recorded.issuedOn} by ${recorded.issuedBy}); a recorded notice is not replaced`,
      'enrollmentId',
      'R6',
    );
  }
  const problems = new InputProblems();
  checkText(problems, 'input.noticeNumber', draft.noticeNumber, NOTICE_NUMBER_MAX_LENGTH);
  checkText(problems, 'input.issuedBy', draft.issuedBy, ISSUED_BY_MAX_LENGTH);
  checkIssuedOn(problems, draft.issuedOn, enrollment.startedOn, today);
  const belowMinimum = checkExperience(problems, draft.experienceYears, certification);
  refuseIfAny(problems, belowMinimum ? 'R6' : undefined);
  return {
    ...draft,
    requiredExperienceYears: certification.vaeMinimumExperienceYears,
    recordedAt,
  };
}
