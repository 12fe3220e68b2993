import { todayIn, type LocalDate } from './local-date';

/** Where "today" comes from, so rules that depend on it can be tested on both sides of a date. */
export interface Clock {
  today(): LocalDate;
  now(): Date;
}

export const systemClock: Clock = {
  today: () => todayIn(),
  now: () => new Date(),
};

/** A clock stopped at a given instant, for tests and for replaying history. */
export function fixedClock(today: LocalDate): Clock {
  return { today: () => today, now: () => new Date(`${today}T12:00:00Z`) };
}
