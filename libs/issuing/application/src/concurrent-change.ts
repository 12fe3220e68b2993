/**
 * Another transaction changed what this one read (a livret created or updated, a parchemin
 * issued) between the read and the write. Nothing was written: running the work again sees the
 * other transaction's result. Event consumers retry on it by throwing.
 */
export class ConcurrentChange extends Error {
  constructor(what: string) {
    super(`${what} was changed by another transaction meanwhile; try again`);
    this.name = 'ConcurrentChange';
  }
}
