import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GENERATED_KEY_FILE, loadSigningKey, parseSigningKey } from './signing-key';

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
});
