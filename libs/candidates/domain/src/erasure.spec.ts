import { erase, pseudonymFor } from './erasure';
import { sampleCandidate } from './testing';

describe('erasure (R13)', () => {
  const now = new Date('2026-11-22T10:00:00Z');

  it('replaces the identity by a pseudonym and keeps the id', () => {
    const candidate = sampleCandidate({ accommodations: ['tiers-temps'], birthName: 'Durand' });
    expect(erase(candidate, now)).toEqual({
      ...candidate,
      firstName: 'Candidat·e',
      lastName: pseudonymFor(candidate.id).lastName,
      birthDate: null,
      sex: null,
      birthName: null,
      birthPlace: null,
      email: null,
      accommodations: [],
      erasedAt: now,
      version: candidate.version + 1,
    });
  });

  it('gives a stable pseudonym of 8 hex digits that does not contain the name', () => {
    const { lastName } = pseudonymFor('0b7e3f8a-5c1d-4e2f-9a6b-7c8d9e0f1a2b');
    expect(lastName).toMatch(/^[0-9A-F]{8}$/);
    expect(pseudonymFor('0b7e3f8a-5c1d-4e2f-9a6b-7c8d9e0f1a2b').lastName).toBe(lastName);
    expect(pseudonymFor('another-id').lastName).not.toBe(lastName);
  });

  it('is idempotent: an erased candidate is not erased again', () => {
    const erased = erase(sampleCandidate(), now);
    expect(erased && erase(erased, new Date('2027-01-01T00:00:00Z'))).toBeNull();
  });
});
