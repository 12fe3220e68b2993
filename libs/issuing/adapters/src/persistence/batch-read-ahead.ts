/**
 * What a transaction handling a batch of events reads of its candidates, read once for all of
 * them: the first read of one candidate reads every candidate of the batch not read yet (one
 * query instead of one per candidate), and keeps each one's rows until the transaction writes
 * that candidate's (`forget`). Locking reads hold what they read until commit, and the batch's
 * candidates are locked first, so the rows kept are those a new read would find.
 */
export class BatchReadAhead<T> {
  private readonly known = new Map<string, T>();

  constructor(
    /** The candidates of the batch (read ahead with the first one asked). */
    private readonly candidates: () => readonly string[],
  ) {}

  /** The value of each id asked, in order; `load` reads several candidates at once. */
  async of(
    ids: readonly string[],
    load: (ids: readonly string[]) => Promise<Map<string, T>>,
  ): Promise<T[]> {
    const wanted = [...new Set(ids)];
    const missing = wanted.filter((id) => !this.known.has(id));
    if (missing.length > 0) {
      const ahead = this.candidates().filter((id) => !this.known.has(id) && !missing.includes(id));
      const read = [...missing, ...ahead];
      const loaded = await load(read);
      for (const id of read) {
        const value = loaded.get(id);
        if (value !== undefined) this.known.set(id, value);
      }
    }
    return wanted
      .map((id) => this.known.get(id))
      .filter((value): value is T => value !== undefined);
  }

  /** The transaction wrote this candidate's rows, and knows what they are now. */
  change(candidateId: string, next: (value: T) => T): void {
    const value = this.known.get(candidateId);
    if (value !== undefined) this.known.set(candidateId, next(value));
  }

  /** The transaction wrote this candidate's rows: read them again next time. */
  forget(candidateId: string): void {
    this.known.delete(candidateId);
  }
}

/** Rows grouped by candidate, every id present (an empty list when it has none). */
export function byCandidate<R extends { candidateId: string }>(
  ids: readonly string[],
  rows: readonly R[],
): Map<string, R[]> {
  const grouped = new Map<string, R[]>(ids.map((id) => [id, []]));
  for (const row of rows) grouped.get(row.candidateId)?.push(row);
  return grouped;
}
