// Lives in persistence, which owns the data source; re-exported for the event backbone's users.
export { runInTransaction, type TransactionOptions } from '@certif/platform-persistence';
