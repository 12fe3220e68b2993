import { Conflict } from '@certif/platform-errors';

/**
 * Another transaction changed what this one read (a livret created or updated, a parchemin
 * issued) between the read and the write. Nothing was written: running the work again sees the
 * other transaction's result. It is the platform's `Conflict`: an event consumer retries it (it is
 * no rule refusal), a GraphQL client reads `extensions.conflict`.
 */
export function concurrentChange(what: string): Conflict {
  return new Conflict(`${what} was changed by another transaction meanwhile; try again`);
}
