import { createSecretKey, type KeyObject } from 'node:crypto';

/**
 * A secret setting may hold several secrets, comma-separated, so that it can be rotated without
 * a window of refusals: the first one signs, every one of them verifies.
 */
export type SecretList = string | readonly string[];

export function secretsOf(list: SecretList): string[] {
  const secrets = (typeof list === 'string' ? list.split(',') : [...list])
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (secrets.length === 0) throw new Error('no secret configured');
  return secrets;
}

/** The secret that signs: the first of the list. */
export function signingSecret(list: SecretList): string {
  return secretsOf(list)[0] as string;
}

export function secretKeys(list: SecretList): Uint8Array[] {
  return secretsOf(list).map((s) => new TextEncoder().encode(s));
}

const keyObjects = new Map<string, KeyObject[]>();

/**
 * The same keys as `KeyObject`s, built once per secret list: jose imports a raw `Uint8Array`
 * into a key on every verification (a cost per request on every subgraph, found by profiling).
 */
export function secretKeyObjects(list: SecretList): KeyObject[] {
  const id = typeof list === 'string' ? list : list.join(',');
  let keys = keyObjects.get(id);
  if (!keys) {
    keys = secretsOf(list).map((s) => createSecretKey(Buffer.from(s, 'utf8')));
    // A process uses one or two lists (its secret, and a rotation); never grows with requests.
    if (keyObjects.size > 16) keyObjects.clear();
    keyObjects.set(id, keys);
  }
  return keys;
}
