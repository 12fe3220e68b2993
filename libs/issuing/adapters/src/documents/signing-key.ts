import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { calculateJwkThumbprint, type JWK } from 'jose';

export interface SigningKey {
  privateKey: KeyObject;
  /** The public half, published at /.well-known/jwks.json. */
  publicJwk: JWK & { kid: string };
  kid: string;
}

export const GENERATED_KEY_FILE = 'issuing-signing-key.pem';

/** An Ed25519 private key as a JWK (JSON) or a PKCS8 PEM, as ISSUING_SIGNING_KEY gives it. */
export function parseSigningKey(text: string): KeyObject {
  const trimmed = text.trim();
  let key: KeyObject;
  try {
    key = trimmed.startsWith('{')
      ? createPrivateKey({
          key: JSON.parse(trimmed) as import('node:crypto').JsonWebKey,
          format: 'jwk',
        })
      : createPrivateKey(trimmed.replace(/\\n/g, '\n'));
  } catch (error) {
    throw new Error(
      `ISSUING_SIGNING_KEY is not a private key (JWK JSON or PKCS8 PEM): ${error instanceof Error ? error.message : error}`,
    );
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(
      `ISSUING_SIGNING_KEY must be an Ed25519 key (EdDSA); got ${key.asymmetricKeyType ?? key.type}`,
    );
  }
  return key;
}

export async function signingKeyFrom(privateKey: KeyObject): Promise<SigningKey> {
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' }) as JWK;
  const kid = await calculateJwkThumbprint(jwk);
  return { privateKey, kid, publicJwk: { ...jwk, kid, alg: 'EdDSA', use: 'sig' } };
}

/**
 * The configured key; without one (development), the key generated at first start and kept in
 * the data folder, so that credentials signed before a restart still verify after it.
 */
export async function loadSigningKey(options: {
  configured?: string | undefined;
  dataDir: string;
}): Promise<SigningKey> {
  if (options.configured) return signingKeyFrom(parseSigningKey(options.configured));
  const file = join(options.dataDir, GENERATED_KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), {
      mode: 0o600,
      flag: 'wx',
    });
  }
  return signingKeyFrom(parseSigningKey(readFileSync(file, 'utf8')));
}

/**
 * ISSUING_RETIRED_SIGNING_KEYS: the keys used before a rotation, still published in the JWKS (by
 * the same `kid`, their thumbprint) so that every credential they signed keeps verifying. A JWKS
 * (`{"keys":[…]}`) or a JSON array of Ed25519 JWKs; public halves suffice, and a private `d` is
 * dropped, never published.
 */
export async function parseRetiredSigningKeys(
  text: string | undefined,
): Promise<Array<JWK & { kid: string }>> {
  if (!text?.trim()) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(
      `ISSUING_RETIRED_SIGNING_KEYS is not JSON (a JWKS or an array of JWKs): ${error instanceof Error ? error.message : error}`,
    );
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { keys?: unknown })?.keys;
  if (!Array.isArray(list)) {
    throw new Error(
      'ISSUING_RETIRED_SIGNING_KEYS must be a JWKS ({"keys":[…]}) or an array of JWKs',
    );
  }
  return Promise.all(
    list.map(async (entry: unknown, index) => {
      const jwk = entry as JWK;
      if (jwk?.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') {
        throw new Error(`ISSUING_RETIRED_SIGNING_KEYS[${index}] is not an Ed25519 JWK (kty OKP)`);
      }
      const publicJwk: JWK = { kty: 'OKP', crv: 'Ed25519', x: jwk.x };
      const kid = await calculateJwkThumbprint(publicJwk);
      return { ...publicJwk, kid, alg: 'EdDSA', use: 'sig' };
    }),
  );
}
