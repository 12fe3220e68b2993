import {
  addDays,
  addYears,
  earliest,
  fullYearsBetween,
  isLocalDate,
  parseLocalDate,
  todayIn,
  type LocalDate,
} from './local-date';

describe('LocalDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-13-01', false],
    ['2024-04-31', false],
    ['24-04-01', false],
    ['2024-4-1', false],
    ['2024-04-01T00:00:00Z', false],
  ])('isLocalDate(%s) is %s', (value, expected) => {
    expect(isLocalDate(value)).toBe(expected);
  });

  it('refuses an impossible date with a message that shows the expected form', () => {
    expect(() => parseLocalDate('2023-02-29')).toThrow(/expected YYYY-MM-DD/);
  });

  it.each<[LocalDate, number, LocalDate]>([
    ['2019-03-15', 5, '2024-03-15'],
    ['2020-02-29', 5, '2025-02-28'],
    ['2020-02-29', 4, '2024-02-29'],
    ['2025-09-29', 1, '2026-09-29'],
  ])('addYears(%s, %i) = %s', (date, years, expected) => {
    expect(addYears(date, years)).toBe(expected);
  });

  it.each<[LocalDate, number, LocalDate]>([
    ['2024-12-31', 1, '2025-01-01'],
    ['2024-03-01', -1, '2024-02-29'],
  ])('addDays(%s, %i) = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('earliest ignores missing dates', () => {
    expect(earliest(null, '2026-01-01', undefined, '2025-12-31')).toBe('2025-12-31');
    expect(earliest(null, undefined)).toBeNull();
  });

  it.each<[LocalDate, LocalDate, number]>([
    ['2000-06-15', '2015-06-14', 14],
    ['2000-06-15', '2015-06-15', 15],
  ])('fullYearsBetween(%s, %s) = %i', (from, to, years) => {
    expect(fullYearsBetween(from, to)).toBe(years);
  });

  it('today is the date in Paris, not in UTC', () => {
    expect(todayIn('Europe/Paris', new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });

  it('each zone keeps its own date (formatters are reused per zone)', () => {
    const instant = new Date('2026-12-31T23:30:00Z');
    expect(todayIn('Europe/Paris', instant)).toBe('2027-01-01');
    expect(todayIn('America/Cayenne', instant)).toBe('2026-12-31');
    expect(todayIn('Europe/Paris', instant)).toBe('2027-01-01');
  });
});
