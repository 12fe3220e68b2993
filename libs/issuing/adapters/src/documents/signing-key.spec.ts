import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalJWKSet, jwtVerify, SignJWT } from 'jose';
import { JoseCredentialSigner } from './open-badge-credential';
import {
  GENERATED_KEY_FILE,
  loadSigningKey,
  parseRetiredSigningKeys,
  parseSigningKey,
  signingKeyFrom,
} from './signing-key';

describe('the signing key (ISSUING_SIGNING_KEY)', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'issuing-key-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('is generated once in development and kept, so credentials verify after a restart', async () => {
    const first = await loadSigningKey({ dataDir });
    const again = await loadSigningKey({ dataDir });
    expect(again.kid).toBe(first.kid);
    expect(statSync(join(dataDir, GENERATED_KEY_FILE)).mode & 0o077).toBe(0);
    expect(first.publicJwk).toMatchObject({
      kty: 'OKP',
      crv: 'Ed25519',
      alg: 'EdDSA',
      use: 'sig',
      kid: first.kid,
    });
    expect(first.publicJwk).not.toHaveProperty('d');
  });

  it.each`
    form              | text
    ${'a JWK (JSON)'} | ${JSON.stringify(generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }))}
    ${'a PKCS8 PEM'}  | ${generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()}
  `('takes the configured key as $form, and ignores the data folder', async ({ text }) => {
    const key = await loadSigningKey({ configured: text, dataDir });
    expect(key.privateKey.asymmetricKeyType).toBe('ed25519');
    expect(() => statSync(join(dataDir, GENERATED_KEY_FILE))).toThrow();
  });

  it.each`
    case            | text                                                                                                                  | message
    ${'an RSA key'} | ${generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()} | ${/must be an Ed25519 key/}
    ${'not a key'}  | ${'hello'}                                                                                                            | ${/is not a private key/}
  `('refuses $case', ({ text, message }) => {
    expect(() => parseSigningKey(text)).toThrow(message);
  });

  it('keeps publishing retired keys by kid, so credentials signed before a rotation still verify', async () => {
    const before = await signingKeyFrom(generateKeyPairSync('ed25519').privateKey);
    const signedBefore = await new SignJWT({ sub: 'parchemin-1' })
      .setProtectedHeader({ alg: 'EdDSA', kid: before.kid })
      .sign(before.privateKey);
    const after = await signingKeyFrom(generateKeyPairSync('ed25519').privateKey);
    // Operators paste the old private JWK; only its public half is published.
    const oldPrivateJwk = JSON.stringify([before.privateKey.export({ format: 'jwk' })]);
    const retired = await parseRetiredSigningKeys(oldPrivateJwk);
    const signer = new JoseCredentialSigner(after, () => ({ id: 'https://x/issuer' }), retired);
    const jwks = signer.jwks();
    expect(jwks.keys.map((key) => key.kid)).toEqual([after.kid, before.kid]);
    expect(jwks.keys.every((key) => !('d' in key))).toBe(true);
    const verified = await jwtVerify(signedBefore, createLocalJWKSet(jwks));
    expect(verified.payload.sub).toBe('parchemin-1');
  });

  it('reads retired keys as a JWKS too, and refuses what is not an Ed25519 key', async () => {
    const key = await signingKeyFrom(generateKeyPairSync('ed25519').privateKey);
    const [retired] = await parseRetiredSigningKeys(JSON.stringify({ keys: [key.publicJwk] }));
    expect(retired?.kid).toBe(key.kid);
    await expect(parseRetiredSigningKeys('[{"kty":"RSA"}]')).rejects.toThrow(/not an Ed25519 JWK/);
    await expect(parseRetiredSigningKeys('nope')).rejects.toThrow(/is not JSON/);
    expect(await parseRetiredSigningKeys(undefined)).toEqual([]);
  });
});
