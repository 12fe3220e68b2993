/**
 * Reads inside an issuing transaction on MySQL are locking reads (LOCK IN SHARE MODE): they see
 * the latest committed rows, not the transaction's snapshot, and they wait for a transaction that
 * is writing them. Without this, a certification and a fact arriving at the same moment on two
 * topics could each miss the other (REPEATABLE READ), and the fact would count only at the next
 * event. With it, one waits for the other, or InnoDB picks a deadlock victim, which the consumer
 * retries. SQLite runs transactions one at a time and needs none.
 */
export function readLock(lock: boolean): { lock?: { mode: 'pessimistic_read' } } {
  return lock ? { lock: { mode: 'pessimistic_read' } } : {};
}
