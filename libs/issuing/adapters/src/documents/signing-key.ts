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
