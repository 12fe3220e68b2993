import { certificationStatus, looksLikeRncpCode } from './certification';

describe('certificationStatus', () => {
  const published = new Date('2022-09-29T10:00:00Z');
  it.each`
    case                                       | publishedAt  | registeredUntil | revisedById | today           | status
    ${'a draft, whatever its dates'}           | ${null}      | ${'2020-01-01'} | ${null}     | ${'2026-01-01'} | ${'DRAFT'}
    ${'published, open-ended registration'}    | ${published} | ${null}         | ${null}     | ${'2026-01-01'} | ${'ACTIVE'}
    ${'004 on its last day of registration'}   | ${published} | ${'2025-09-29'} | ${null}     | ${'2025-09-29'} | ${'ACTIVE'}
    ${"004 the day after its date d'échéance"} | ${published} | ${'2025-09-29'} | ${null}     | ${'2025-09-30'} | ${'CLOSED'}
    ${'003, registration ended 2021-12-27'}    | ${published} | ${'2021-12-27'} | ${null}     | ${'2026-11-22'} | ${'CLOSED'}
    ${'revised, still registered'}             | ${published} | ${'2027-01-01'} | ${'new'}    | ${'2026-11-22'} | ${'REVISED'}
    ${'revised and past its registration'}     | ${published} | ${'2024-01-01'} | ${'new'}    | ${'2026-11-22'} | ${'CLOSED'}
  `('$case → $status', ({ publishedAt, registeredUntil, revisedById, today, status }) => {
    expect(certificationStatus({ publishedAt, registeredUntil, revisedById }, today)).toBe(status);
  });
});

describe('looksLikeRncpCode', () => {
  it.each([
    ['RNCP36912', true],
    ['RNCP28754', true],
    ['TP-CDA', false],
    ['RNCP36912BC01', false],
  ])('%s → %s', (code, expected) => {
    expect(looksLikeRncpCode(code)).toBe(expected);
  });
});
