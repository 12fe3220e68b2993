import type { DataSource } from 'typeorm';
import { describeError, type EventLogger } from './event-logger';
import { pruneDeadLetters, pruneInbox, pruneSentOutbox } from './outbox-admin';

const DAY_MS = 24 * 60 * 60 * 1000;

/** How long the event tables keep what they no longer need (EVENTS_*_RETENTION_DAYS). */
export interface RetentionPolicy {
  /** Sent outbox rows: long enough to republish a range after a broker lost messages. */
  sentOutboxDays: number;
  /**
   * Handled event ids: longer than any redelivery could come (the broker's retention), or a
   * redelivered event would be handled again.
   */
  inboxDays: number;
  /** Dead letters: long enough for someone to look at them and replay. */
  deadLetterDays: number;
  /** How often the prune runs; 0: never (tests, or pruning by hand with events-admin). */
  intervalMs: number;
}

export const defaultRetention: RetentionPolicy = {
  sentOutboxDays: 7,
  inboxDays: 30,
  deadLetterDays: 90,
  intervalMs: 60 * 60 * 1000,
};

export interface PruneReport {
  sentOutboxRows: number;
  inboxEntries: number;
  deadLetters: number;
}

/** One prune of the three tables by the policy's periods, counted from `now`. */
export async function pruneEventTables(
  dataSource: DataSource,
  policy: RetentionPolicy,
  now: Date = new Date(),
): Promise<PruneReport> {
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS);
  return {
    sentOutboxRows: await pruneSentOutbox(dataSource, before(policy.sentOutboxDays)),
    inboxEntries: await pruneInbox(dataSource, before(policy.inboxDays)),
    deadLetters: await pruneDeadLetters(dataSource, before(policy.deadLetterDays)),
  };
}

/**
 * Runs the prune every `intervalMs` (first run one interval after start); a failure is logged and
 * the next run tries again. Replicas pruning at the same time delete the same rows: harmless.
 */
export function schedulePrune(
  dataSource: DataSource,
  policy: RetentionPolicy,
  logger: EventLogger,
): () => void {
  if (!(policy.intervalMs > 0)) return () => undefined;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    pruneEventTables(dataSource, policy)
      .then((report) => {
        if (report.sentOutboxRows + report.inboxEntries + report.deadLetters > 0) {
          logger.info({ ...report }, 'event tables pruned');
        }
      })
      .catch((error: unknown) =>
        logger.warn({ error: describeError(error) }, 'pruning the event tables failed; will retry'),
      )
      .finally(() => (running = false));
  }, policy.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
