import {
  capitalizationDeadline,
  closureDeadline,
  countsBy,
  currentWindowStart,
  hasLapsed,
} from './capitalization-deadline';

describe('closureDeadline (R5)', () => {
  it.each`
    case                                      | registeredUntil | today           | deadline
    ${'no end date'}                          | ${null}         | ${'2030-01-01'} | ${null}
    ${'ends later: still open'}               | ${'2027-06-30'} | ${'2026-11-22'} | ${null}
    ${'last day of registration: still open'} | ${'2025-09-29'} | ${'2025-09-29'} | ${null}
    ${'the day after: one more year'}         | ${'2025-09-29'} | ${'2025-09-30'} | ${'2026-09-29'}
    ${'long closed'}                          | ${'2021-12-27'} | ${'2026-11-22'} | ${'2022-12-27'}
  `('$case → $deadline', ({ registeredUntil, today, deadline }) => {
    expect(closureDeadline(registeredUntil, today)).toBe(deadline);
  });
});

describe('currentWindowStart (R2, five years from the first component)', () => {
  it.each`
    case                                                | dates                                         | start
    ${'nothing obtained'}                               | ${[]}                                         | ${null}
    ${'the first component opens the window'}           | ${['2021-05-02', '2019-03-15']}               | ${'2019-03-15'}
    ${'obtained on the fifth anniversary: same window'} | ${['2019-03-15', '2024-03-15']}               | ${'2019-03-15'}
    ${'obtained the day after: a new window'}           | ${['2019-03-15', '2024-03-16']}               | ${'2024-03-16'}
    ${'a leap day start ends on 28 February'}           | ${['2020-02-29', '2025-02-28']}               | ${'2020-02-29'}
    ${'a leap day start, 1 March is outside'}           | ${['2020-02-29', '2025-03-01']}               | ${'2025-03-01'}
    ${'two lapses: the latest window'}                  | ${['2008-01-01', '2014-01-01', '2020-01-02']} | ${'2020-01-02'}
  `('$case → $start', ({ dates, start }) => {
    expect(currentWindowStart(dates)).toBe(start);
  });
});

describe('capitalizationDeadline (R2, R5: the earliest wins)', () => {
  it.each`
    case                                                | rule                                 | windowStart     | registeredUntil | today           | deadline
    ${'000 five years from the first CCP'}              | ${'FIVE_YEARS_FROM_FIRST_COMPONENT'} | ${'2019-03-15'} | ${null}         | ${'2020-01-01'} | ${'2024-03-15'}
    ${'000 before any CCP'}                             | ${'FIVE_YEARS_FROM_FIRST_COMPONENT'} | ${null}         | ${null}         | ${'2020-01-01'} | ${null}
    ${'five years, closed: closure year comes first'}   | ${'FIVE_YEARS_FROM_FIRST_COMPONENT'} | ${'2019-03-15'} | ${'2021-06-30'} | ${'2022-01-01'} | ${'2022-06-30'}
    ${'five years, closed late: five years come first'} | ${'FIVE_YEARS_FROM_FIRST_COMPONENT'} | ${'2019-03-15'} | ${'2023-12-31'} | ${'2024-01-01'} | ${'2024-03-15'}
    ${'five years, closure set but still open'}         | ${'FIVE_YEARS_FROM_FIRST_COMPONENT'} | ${'2019-03-15'} | ${'2021-06-30'} | ${'2021-06-30'} | ${'2024-03-15'}
    ${'001/002 open, no end date'}                      | ${'WITHIN_TITLE_VALIDITY'}           | ${null}         | ${null}         | ${'2026-11-22'} | ${null}
    ${'001/002 closure decided, not yet reached'}       | ${'WITHIN_TITLE_VALIDITY'}           | ${null}         | ${'2026-12-31'} | ${'2026-12-31'} | ${null}
    ${'001/002 closed: end + 1 year'}                   | ${'WITHIN_TITLE_VALIDITY'}           | ${null}         | ${'2026-12-31'} | ${'2027-01-01'} | ${'2027-12-31'}
    ${'003 unlimited, registration ended 2021-12-27'}   | ${'UNLIMITED'}                       | ${null}         | ${'2021-12-27'} | ${'2026-11-22'} | ${null}
    ${'004 unlimited (assumed), ended 2025-09-29'}      | ${'UNLIMITED'}                       | ${null}         | ${'2025-09-29'} | ${'2026-11-22'} | ${null}
  `('$case → $deadline', ({ rule, windowStart, registeredUntil, today, deadline }) => {
    expect(capitalizationDeadline({ rule, windowStart, registeredUntil, today })).toBe(deadline);
  });
});

describe('the deadline day itself is inside', () => {
  it.each`
    date            | deadline        | counts   | lapsedThatDay
    ${'2024-03-15'} | ${'2024-03-15'} | ${true}  | ${false}
    ${'2024-03-16'} | ${'2024-03-15'} | ${false} | ${true}
    ${'2099-01-01'} | ${null}         | ${true}  | ${false}
  `(
    '$date against $deadline: counts $counts, lapsed $lapsedThatDay',
    ({ date, deadline, counts, lapsedThatDay }) => {
      expect(countsBy(date, deadline)).toBe(counts);
      expect(hasLapsed(deadline, date)).toBe(lapsedThatDay);
    },
  );
});
