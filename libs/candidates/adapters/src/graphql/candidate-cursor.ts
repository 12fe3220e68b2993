import { decodeCursor, encodeCursor } from '@certif/platform-graphql';
import { InvalidInput } from '@certif/platform-errors';
import type { CandidateSortKey } from '@certif/candidates-application';

/** The cursor of a candidate in the list: its normalised names and id (keyset). */
export function encodeCandidateCursor(key: CandidateSortKey): string {
  return encodeCursor(JSON.stringify([key.lastName, key.firstName, key.id]));
}

export function decodeCandidateCursor(cursor: string | null): CandidateSortKey | null {
  const decoded = decodeCursor(cursor);
  if (decoded === null) return null;
  let parts: unknown;
  try {
    parts = JSON.parse(decoded);
  } catch {
    parts = null;
  }
  if (!Array.isArray(parts) || parts.length !== 3 || !parts.every((p) => typeof p === 'string')) {
    throw new InvalidInput(
      'after must be an endCursor or cursor returned by this list; start again without it',
      'after',
    );
  }
  const [lastName, firstName, id] = parts as [string, string, string];
  return { lastName, firstName, id };
}
