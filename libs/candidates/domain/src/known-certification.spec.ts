import { certificationStatusOn, newestVersion, supersedes } from './known-certification';
import { sampleKnownCertification } from './testing';

describe('certificationStatusOn (recomputed against today)', () => {
  it.each`
    case                                       | published | registeredUntil | revisedById | today           | status
    ${'a state published as DRAFT'}            | ${false}  | ${null}         | ${null}     | ${'2026-01-01'} | ${'DRAFT'}
    ${'open-ended registration'}               | ${true}   | ${null}         | ${null}     | ${'2026-01-01'} | ${'ACTIVE'}
    ${'004 on its last day of registration'}   | ${true}   | ${'2025-09-29'} | ${null}     | ${'2025-09-29'} | ${'ACTIVE'}
    ${'004 the day after its date d’échéance'} | ${true}   | ${'2025-09-29'} | ${null}     | ${'2025-09-30'} | ${'CLOSED'}
    ${'revised, still registered'}             | ${true}   | ${'2027-01-01'} | ${'v2'}     | ${'2026-11-22'} | ${'REVISED'}
    ${'revised and past its registration'}     | ${true}   | ${'2024-01-01'} | ${'v2'}     | ${'2026-11-22'} | ${'CLOSED'}
  `('$case → $status', ({ published, registeredUntil, revisedById, today, status }) => {
    expect(certificationStatusOn({ published, registeredUntil, revisedById }, today)).toBe(status);
  });
});

describe('supersedes', () => {
  it.each`
    incoming | stored  | replaces
    ${1}     | ${null} | ${true}
    ${3}     | ${2}    | ${true}
    ${2}     | ${2}    | ${false}
    ${1}     | ${2}    | ${false}
  `('version $incoming over $stored → $replaces', ({ incoming, stored, replaces }) => {
    expect(supersedes({ version: incoming }, stored === null ? null : { version: stored })).toBe(
      replaces,
    );
  });
});

describe('newestVersion', () => {
  const v1 = sampleKnownCertification({ id: 'v1', code: 'TP-X', revisedById: 'v2' });
  const v2 = sampleKnownCertification({
    id: 'v2',
    code: 'TP-X-2',
    revisesId: 'v1',
    revisedById: 'v3',
  });
  const v3 = sampleKnownCertification({ id: 'v3', code: 'TP-X-3', revisesId: 'v2' });

  it('follows revisions to the newest known version', () => {
    expect(newestVersion(v1, new Map([v1, v2, v3].map((c) => [c.id, c]))).code).toBe('TP-X-3');
  });

  it('stops at the newest version the read model has received', () => {
    expect(newestVersion(v1, new Map([v1, v2].map((c) => [c.id, c]))).code).toBe('TP-X-2');
  });
});
