/**
 * A calendar date without time or zone, "YYYY-MM-DD": the contract's `Date` scalar.
 * Kept as a string so that no time zone can ever shift a jury's decision date by a day.
 * The type admits date literals ('2024-06-30') but no bare `string`: a value from outside (a
 * request, an event, a file) becomes a LocalDate through `parseLocalDate`, once, at the edge.
 */
export type LocalDate = `${number}-${number}-${number}`;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: LocalDate): [number, number, number] {
  const match = LOCAL_DATE.exec(date);
  if (!match) throw new RangeError(`"${date}" is not a date in the form YYYY-MM-DD`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function format(year: number, month: number, day: number): LocalDate {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` as LocalDate;
}

/** True when the string is a real calendar date ("2023-02-29" is not). */
export function isLocalDate(value: string): value is LocalDate {
  const match = LOCAL_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Throws a RangeError naming the value when it is not a real calendar date. */
export function parseLocalDate(value: string): LocalDate {
  if (!isLocalDate(value)) {
    throw new RangeError(`"${value}" is not a valid date: expected YYYY-MM-DD, e.g. 2024-06-30`);
  }
  return value;
}

/**
 * Adds whole years. 29 February moves to 28 February in a non-leap year, so a five-year window
 * that starts on a leap day ends on the last day of February rather than spilling into March.
 */
export function addYears(date: LocalDate, years: number): LocalDate {
  const [year, month, day] = parts(date);
  const target = year + years;
  return format(target, month, Math.min(day, daysInMonth(target, month)));
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const [year, month, day] = parts(date);
  const moved = new Date(Date.UTC(year, month - 1, day + days));
  return format(moved.getUTCFullYear(), moved.getUTCMonth() + 1, moved.getUTCDate());
}

/** Negative, zero or positive, like a sort comparator. ISO dates compare as strings. */
export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isBefore(a: LocalDate, b: LocalDate): boolean {
  return compareLocalDates(a, b) < 0;
}

export function isAfter(a: LocalDate, b: LocalDate): boolean {
  return compareLocalDates(a, b) > 0;
}

/** The earliest of the given dates, ignoring nulls; null when there is none. */
export function earliest(...dates: (LocalDate | null | undefined)[]): LocalDate | null {
  const present = dates.filter((d): d is LocalDate => typeof d === 'string');
  return present.length === 0 ? null : present.reduce((a, b) => (isBefore(b, a) ? b : a));
}

// Building an Intl.DateTimeFormat costs far more than formatting with one (it was ~14 % of the
// CPU of a subgraph under load): one formatter per zone, kept for the life of the process.
const dayFormatters = new Map<string, Intl.DateTimeFormat>();

function dayFormatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The UTC calendar date of an instant (what `toISOString()` shows). */
export function utcDateOf(instant: Date): LocalDate {
  return instant.toISOString().slice(0, 10) as LocalDate;
}

/** Today's date in the given IANA zone (France by default: dates on diplomas are French dates). */
export function todayIn(timeZone = 'Europe/Paris', now: Date = new Date()): LocalDate {
  // Formatting is still ~2 % of a subgraph's CPU (a status per certification): the last answer
  // per zone is kept for its second. Zones are offset by whole seconds, so a date never changes
  // within one second of the epoch.
  const second = Math.floor(now.getTime() / 1000);
  const last = lastToday.get(timeZone);
  if (last?.second === second) return last.date;
  const date = dayFormatterFor(timeZone).format(now) as LocalDate;
  lastToday.set(timeZone, { second, date });
  return date;
}

const lastToday = new Map<string, { second: number; date: LocalDate }>();

/** Whole years between two dates (age on a date, years of experience). */
export function fullYearsBetween(from: LocalDate, to: LocalDate): number {
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  const years = ty - fy;
  return tm < fm || (tm === fm && td < fd) ? years - 1 : years;
}
