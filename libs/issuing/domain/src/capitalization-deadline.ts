import { addYears, earliest, isAfter, type LocalDate } from '@certif/platform-calendar';
import type { CapitalizationRule } from './certification-lineage';

/** A date later than any real one: "once the title has closed, whenever that is". */
export const END_OF_TIME: LocalDate = '9999-12-31';

/**
 * R5/R12: once registration has ended (today is past `registeredUntil`, the last day of
 * registration still being open), holders of components have one more year: `registeredUntil`
 * + 1 year. None while the certification is open or has no end date.
 */
export function closureDeadline(
  registeredUntil: LocalDate | null,
  today: LocalDate,
): LocalDate | null {
  if (!registeredUntil || !isAfter(today, registeredUntil)) return null;
  return addYears(registeredUntil, 1);
}

/**
 * R2 under FIVE_YEARS_FROM_FIRST_COMPONENT: the five-year window starts at the first component
 * obtained. A component obtained after the window has closed cannot count with the earlier ones
 * (they have lapsed): it opens a new window, so a candidate who sits again after a lapse starts
 * afresh. Returns the start of the window the latest acquisition belongs to.
 */
export function currentWindowStart(acquisitionDates: readonly LocalDate[]): LocalDate | null {
  const sorted = [...acquisitionDates].sort();
  let start: LocalDate | null = null;
  for (const date of sorted) {
    if (start === null || isAfter(date, addYears(start, 5))) start = date;
  }
  return start;
}

export interface DeadlineFacts {
  rule: CapitalizationRule;
  /** Start of the current five-year window (first component obtained in it). */
  windowStart: LocalDate | null;
  registeredUntil: LocalDate | null;
  today: LocalDate;
}

/**
 * The last day on which a component still counts towards the title (inclusive):
 * - FIVE_YEARS_FROM_FIRST_COMPONENT: first component + 5 years;
 * - WITHIN_TITLE_VALIDITY: none while the title is open, `registeredUntil` + 1 year once it ended;
 * - UNLIMITED: none, even once registration has ended (003: « validité illimitée »);
 * when several apply the earliest wins (a closed five-year title: min(first + 5 y, end + 1 y)).
 */
export function capitalizationDeadline(facts: DeadlineFacts): LocalDate | null {
  const { rule, windowStart, registeredUntil, today } = facts;
  if (rule === 'UNLIMITED') return null;
  const fiveYears =
    rule === 'FIVE_YEARS_FROM_FIRST_COMPONENT' && windowStart ? addYears(windowStart, 5) : null;
  return earliest(fiveYears, closureDeadline(registeredUntil, today));
}

/** A component obtained on the deadline itself still counts; the day after, it does not. */
export function countsBy(date: LocalDate, deadline: LocalDate | null): boolean {
  return deadline === null || !isAfter(date, deadline);
}

/** LAPSED from the day after the deadline (the deadline day itself is still inside). */
export function hasLapsed(deadline: LocalDate | null, today: LocalDate): boolean {
  return deadline !== null && isAfter(today, deadline);
}
