import { isStatusListName, revocationBitstring, statusListPosition } from './parchemin';

// R11: a parchemin is issued as a verifiable credential; its revocation is published in a
// Bitstring Status List (W3C) so that a verifier checks it offline.
describe('revocation status lists', () => {
  it.each([
    ['TP-CDA-2026-000123', 'TP-CDA-2026', 123],
    ['TP-DWWM-2025-000001', 'TP-DWWM-2025', 1],
    ['RNCP37674-2024-1234567', 'RNCP37674-2024', 1234567],
    ['TP-CDA-CCS1-2026-000007', 'TP-CDA-CCS1-2026', 7],
  ])('the parchemin %s sits in list %s at index %i', (number, list, index) => {
    expect(statusListPosition(number)).toEqual({ list, index });
    expect(isStatusListName(list)).toBe(true);
  });

  it.each(['TP-CDA', 'TP-CDA-26-000001', 'not a number'])('%s is not a parchemin number', (n) => {
    expect(() => statusListPosition(n)).toThrow(RangeError);
  });

  it.each(['../etc', 'TP-CDA', '', 'TP CDA-2026', 'x'.repeat(70) + '-2026'])(
    '%s is not a list name',
    (list) => expect(isStatusListName(list)).toBe(false),
  );

  it('sets the revoked bits, most significant first, in at least 16 KiB', () => {
    const bits = revocationBitstring([0, 9, 15]);
    expect(bits.length).toBe(16_384);
    expect([...bits.slice(0, 2)]).toEqual([0b1000_0000, 0b0100_0001]);
    expect(bits.slice(2).every((byte) => byte === 0)).toBe(true);
  });

  it('grows past the minimum when a sequence needs it', () => {
    const bits = revocationBitstring([200_000]);
    expect(bits.length).toBe(25_001);
    expect(bits[25_000]).toBe(0b1000_0000);
  });
});
