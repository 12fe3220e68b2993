import type { DataSource, EntityManager } from 'typeorm';
import { encodeCloudEvent, type CloudEvent } from './cloud-event';
import { onOutboxCommit } from './commit-signal';
import { describeError, silentLogger, type EventLogger } from './event-logger';
import type { EventMetrics } from './event-metrics';
import type { EventTransport } from './event-transport';
import {
  defaultRelayRetry,
  retryDelayMs,
  retryPolicy,
  sleep,
  type RetryPolicy,
} from './retry-policy';
import { runInTransaction } from './run-in-transaction';
import { dialectOf, placeholders, readJson, sqlTime, type SqlDialect } from './sql-dialect';
import type { TransportMessage } from './transport-message';

export interface OutboxRelayOptions {
  dataSource: DataSource;
  transport: EventTransport;
  logger?: EventLogger;
  /** Rows read and sent per round (default 100). */
  batchSize?: number;
  /** How often to look for rows when nothing woke the relay (default 1000 ms). */
  pollIntervalMs?: number;
  /** Backoff of a row whose send failed; `maxAttempts` is ignored: a relay never gives up. */
  retry?: Partial<RetryPolicy>;
  metrics?: EventMetrics;
  now?: () => Date;
}

interface OutboxRow {
  seq: number;
  eventKey: string;
  topic: string;
  envelope: CloudEvent;
  attempts: number;
}

interface SendResult {
  sent: OutboxRow[];
  failed: { rows: OutboxRow[]; error: unknown }[];
}

const selectColumns =
  'o.seq AS seq, o.event_key AS eventKey, o.topic AS topic, o.envelope AS envelope, ' +
  'o.attempts AS attempts';

/**
 * Sends the outbox's rows to the transport, in order per key, and marks them sent.
 *
 * Several replicas may relay one MySQL outbox: each takes its batch with
 * `SELECT … FOR UPDATE SKIP LOCKED` and drops from it any row whose key has an earlier unsent row
 * outside the batch (held by another replica, or waiting for its backoff), so that a key's rows
 * never overtake one another. On SQLite there is a single process; its batches are serialized.
 *
 * A row is marked sent only after the transport accepted it: a crash in between sends it again
 * (consumers are idempotent), never loses it.
 */
export class OutboxRelay {
  private readonly dataSource: DataSource;
  private readonly dialect: SqlDialect;
  private readonly transport: EventTransport;
  private readonly logger: EventLogger;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly retry: RetryPolicy;
  private readonly metrics: EventMetrics | undefined;
  private readonly now: () => Date;
  private running = false;
  private loop: Promise<void> | undefined;
  private woken = false;
  private idle: AbortController | undefined;
  private stopWatchingCommits: (() => void) | undefined;
  private draining: Promise<unknown> = Promise.resolve();
  private lastBatchFull = false;

  constructor(options: OutboxRelayOptions) {
    this.dataSource = options.dataSource;
    this.dialect = dialectOf(options.dataSource);
    this.transport = options.transport;
    this.logger = options.logger ?? silentLogger;
    this.batchSize = options.batchSize ?? 100;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.retry = retryPolicy(defaultRelayRetry, options.retry);
    this.metrics = options.metrics;
    this.now = options.now ?? (() => new Date());
    if (!Number.isInteger(this.batchSize) || this.batchSize < 1) {
      throw new Error('batchSize must be a positive integer');
    }
  }

  /**
   * Starts relaying in the background: at once after each outbox commit, and every poll. Does not
   * wait for the broker: while it is unreachable, rows wait in the outbox with their backoff.
   */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.stopWatchingCommits = onOutboxCommit(this.dataSource, () => this.wake());
    this.metrics?.watchOutbox(this.dataSource);
    this.loop = this.run();
  }

  /** Finishes the batch in progress, then stops. Unsent rows wait for the next start. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.stopWatchingCommits?.();
    this.idle?.abort();
    await this.loop;
  }

  /** Looks for rows now rather than at the next poll. */
  wake(): void {
    this.woken = true;
    this.idle?.abort();
  }

  /** One round: reads a batch, sends it, marks it. Resolves with the number of rows sent. */
  drainOnce(): Promise<number> {
    // One round at a time per relay; rounds of several relays are kept apart by the database.
    const round = this.draining.then(() => this.drainBatch());
    this.draining = round.catch(() => undefined);
    return round;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      this.woken = false;
      let pause = this.pollIntervalMs;
      try {
        await this.drainOnce();
        failures = 0;
        if (this.lastBatchFull) continue;
      } catch (error) {
        // The database is unreachable, say: wait longer each time, but keep trying.
        failures += 1;
        this.logger.error({ err: error, failures }, 'outbox relay round failed');
        pause = retryDelayMs(this.retry, failures);
      }
      if (!this.running || (this.woken && failures === 0)) continue;
      this.idle = new AbortController();
      await sleep(pause, this.idle.signal);
      this.idle = undefined;
    }
  }

  private async drainBatch(): Promise<number> {
    const now = this.now();
    const { sent, selected } = await runInTransaction(
      this.dataSource,
      async (manager) => {
        const candidates = await this.selectBatch(manager, now);
        const batch = await this.keepKeyOrder(manager, candidates);
        if (batch.length === 0) return { sent: 0, selected: candidates.length };
        const result = await this.send(batch);
        await this.markSent(manager, result.sent);
        for (const failure of result.failed) {
          await this.markFailed(manager, failure.rows, failure.error, now);
        }
        return { sent: result.sent.length, selected: candidates.length };
      },
      // Read committed: no gap locks, so publishers' inserts never wait for a relay's batch.
      { isolation: 'READ COMMITTED', logger: this.logger },
    );
    // A full batch that sent something: there is probably more, go on without waiting.
    this.lastBatchFull = selected === this.batchSize && sent > 0;
    return sent;
  }

  private async selectBatch(manager: EntityManager, now: Date): Promise<OutboxRow[]> {
    const time = sqlTime(this.dialect, now);
    // Keys whose first unsent row waits for its backoff are left out whole, so that they do not
    // fill the batch with rows that would be dropped anyway.
    const sql =
      `SELECT ${selectColumns} FROM events_outbox o ` +
      'WHERE o.sent_at IS NULL AND o.available_at <= ? ' +
      'AND NOT EXISTS (SELECT 1 FROM events_outbox b WHERE b.event_key = o.event_key ' +
      'AND b.sent_at IS NULL AND b.available_at > ?) ' +
      `ORDER BY o.seq LIMIT ${this.batchSize}` +
      (this.dialect === 'mysql' ? ' FOR UPDATE SKIP LOCKED' : '');
    const rows = (await manager.query(sql, [time, time])) as Record<string, unknown>[];
    return rows.map((row) => ({
      seq: Number(row['seq']),
      eventKey: String(row['eventKey']),
      topic: String(row['topic']),
      envelope: readJson<CloudEvent>(row['envelope']),
      attempts: Number(row['attempts']),
    }));
  }

  /**
   * Drops every row whose key has an earlier unsent row not in the batch: locked by another
   * replica (SKIP LOCKED skipped it) or committed after the batch was read.
   */
  private async keepKeyOrder(manager: EntityManager, batch: OutboxRow[]): Promise<OutboxRow[]> {
    if (batch.length === 0) return batch;
    const keys = [...new Set(batch.map((row) => row.eventKey))];
    const last = Math.max(...batch.map((row) => row.seq));
    const unsent = (await manager.query(
      'SELECT seq, event_key AS eventKey FROM events_outbox ' +
        `WHERE sent_at IS NULL AND event_key IN (${placeholders(keys.length)}) AND seq <= ? ` +
        'ORDER BY seq',
      [...keys, last],
    )) as { seq: number | string; eventKey: string }[];
    const inBatch = new Set(batch.map((row) => row.seq));
    const blockedFrom = new Map<string, number>();
    for (const row of unsent) {
      const seq = Number(row.seq);
      if (!inBatch.has(seq) && !blockedFrom.has(row.eventKey)) blockedFrom.set(row.eventKey, seq);
    }
    const kept = batch.filter((row) => {
      const gap = blockedFrom.get(row.eventKey);
      return gap === undefined || row.seq < gap;
    });
    if (kept.length < batch.length) {
      this.logger.debug(
        { dropped: batch.length - kept.length },
        'outbox rows left for later to keep their key in order',
      );
    }
    return kept;
  }

  /**
   * Sends the batch in one call. If that fails, sends it key by key (keys that failed before go
   * last), so that one unsendable row holds back its own key only. When the first two keys fail
   * too, the broker is likely down: the rest of the batch is marked failed without more calls.
   */
  private async send(batch: OutboxRow[]): Promise<SendResult> {
    try {
      await this.transport.publish(batch.map(toMessage));
      return { sent: batch, failed: [] };
    } catch (batchError) {
      const groups = groupByKey(batch);
      if (groups.length === 1) return { sent: [], failed: [{ rows: batch, error: batchError }] };
      groups.sort((a, b) => maxAttempts(a) - maxAttempts(b));
      const result: SendResult = { sent: [], failed: [] };
      for (const [index, group] of groups.entries()) {
        if (result.sent.length === 0 && result.failed.length >= 2) {
          result.failed.push({ rows: groups.slice(index).flat(), error: batchError });
          break;
        }
        try {
          await this.transport.publish(group.map(toMessage));
          result.sent.push(...group);
        } catch (error) {
          result.failed.push({ rows: group, error });
        }
      }
      return result;
    }
  }

  private async markSent(manager: EntityManager, rows: OutboxRow[]): Promise<void> {
    if (rows.length === 0) return;
    await manager.query(
      'UPDATE events_outbox SET sent_at = ?, attempts = attempts + 1, last_error = NULL ' +
        `WHERE seq IN (${placeholders(rows.length)})`,
      [sqlTime(this.dialect, this.now()), ...rows.map((row) => row.seq)],
    );
    this.metrics?.published(rows.map((row) => row.topic));
  }

  private async markFailed(
    manager: EntityManager,
    rows: OutboxRow[],
    error: unknown,
    now: Date,
  ): Promise<void> {
    if (rows.length === 0) return;
    const message = describeError(error).slice(0, 2000);
    for (const row of rows) {
      const attempts = row.attempts + 1;
      const availableAt = new Date(now.getTime() + retryDelayMs(this.retry, attempts));
      await manager.query(
        'UPDATE events_outbox SET attempts = ?, last_error = ?, available_at = ? WHERE seq = ?',
        [attempts, message, sqlTime(this.dialect, availableAt), row.seq],
      );
    }
    this.metrics?.deliveryFailed(rows.map((row) => row.topic));
    this.logger.warn(
      { err: error, rows: rows.length, keys: new Set(rows.map((row) => row.eventKey)).size },
      'outbox rows could not be sent; will retry with backoff',
    );
  }
}

function toMessage(row: OutboxRow): TransportMessage {
  return encodeCloudEvent(row.envelope, { topic: row.topic, key: row.eventKey });
}

/** Rows per key, in the batch's (seq) order. */
function groupByKey(rows: OutboxRow[]): OutboxRow[][] {
  const groups = new Map<string, OutboxRow[]>();
  for (const row of rows) {
    const group = groups.get(row.eventKey) ?? [];
    group.push(row);
    groups.set(row.eventKey, group);
  }
  return [...groups.values()];
}

function maxAttempts(rows: OutboxRow[]): number {
  return Math.max(...rows.map((row) => row.attempts));
}
