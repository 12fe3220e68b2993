import { base32, newVerificationCode } from './verification-code';

describe('verification codes', () => {
  it.each([
    ['', ''],
    ['f', 'MY'],
    ['foobar', 'MZXW6YTBOI'],
  ])('base32(%j) = %s (RFC 4648 vectors, unpadded)', (text, encoded) => {
    expect(base32(Buffer.from(text))).toBe(encoded);
  });

  it('carries 160 random bits in 32 characters, different each time', () => {
    const codes = new Set(Array.from({ length: 200 }, () => newVerificationCode()));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(code).toMatch(/^[A-Z2-7]{32}$/);
  });
});
