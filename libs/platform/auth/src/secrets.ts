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
