// Test support for services that publish or consume events: `@certif/platform-events/testing`.
import { randomUUID } from 'node:crypto';
import { encodeCloudEvent, type CloudEvent } from './cloud-event';
import { EmbeddedBus, type EmbeddedBusOptions } from './embedded-bus';
import { EmbeddedTransport } from './embedded-transport';
import type { EventLogger } from './event-logger';
import type {
  EventTransport,
  MessageHandler,
  SubscribeOptions,
  Subscription,
} from './event-transport';
import type { TransportMessage } from './transport-message';

/**
 * A test event as a binary-mode record: its id (a fresh one unless given) is also its correlation
 * id, `certif/test` its source and now its time, JSON its content; what `event` gives wins.
 */
export function testEventMessage(
  event: Pick<CloudEvent, 'type' | 'data'> & Partial<CloudEvent>,
  route: { topic: string; key: string },
): TransportMessage {
  const id = event.id ?? randomUUID();
  return encodeCloudEvent(
    {
      specversion: '1.0',
      id,
      source: 'certif/test',
      time: new Date().toISOString(),
      datacontenttype: 'application/json',
      correlationid: id,
      ...event,
    },
    route,
  );
}

/** Retries of a consumer or subscription in tests: the same tries, without the waits. */
export const fastRetry = { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 5, jitter: 0 };

/** A transport on a bus of its own, isolated from the process-wide one and from other tests. */
export function createInMemoryTransport(
  options: EmbeddedBusOptions & { bus?: EmbeddedBus; logger?: EventLogger } = {},
): EmbeddedTransport {
  const bus = options.bus ?? new EmbeddedBus(options);
  return new EmbeddedTransport({ bus, ...(options.logger ? { logger: options.logger } : {}) });
}

export interface WaitForOptions {
  /** Generous by default: a slow CI machine is not a failure. */
  timeoutMs?: number;
  intervalMs?: number;
}

/**
 * Polls until `probe` returns without throwing and its result is not `false`, then resolves with
 * that result. On timeout, fails with the probe's last error (e.g. a failed `expect`).
 */
export async function waitFor<T>(
  probe: () => T | Promise<T>,
  options: WaitForOptions = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  const interval = options.intervalMs ?? 10;
  let lastError: unknown = new Error('condition not met');
  for (;;) {
    try {
      const result = await probe();
      if (result !== false) return result;
      lastError = new Error('condition still false');
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      if (lastError instanceof Error) {
        lastError.message = `waitFor timed out after ${options.timeoutMs ?? 15_000} ms: ${lastError.message}`;
      }
      throw lastError;
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/** The value, or a failed test naming what was missing (instead of a non-null assertion). */
export function present<T>(value: T | null | undefined, what = 'value'): T {
  if (value === null || value === undefined) throw new Error(`expected a ${what}, got ${value}`);
  return value;
}

/**
 * Wraps a transport to see what is published and to make publishing fail on demand (a broker
 * outage, a crash right after the broker accepted a batch).
 */
export class RecordingTransport implements EventTransport {
  readonly kind: EventTransport['kind'];
  /** Every message the inner transport accepted, in order. */
  readonly published: TransportMessage[] = [];
  /** Calls to `publish`, failed ones included. */
  publishCalls = 0;
  private failures: { count: number; afterDelivery: boolean; error: string } | undefined;
  private delay: (() => number) | undefined;

  constructor(readonly inner: EventTransport = createInMemoryTransport()) {
    this.kind = inner.kind;
  }

  /** The next `count` calls fail; with `afterDelivery`, only after the inner transport got them. */
  failNextPublishes(
    count: number,
    options: { afterDelivery?: boolean; error?: string } = {},
  ): this {
    this.failures = {
      count,
      afterDelivery: options.afterDelivery ?? false,
      error: options.error ?? 'broker unavailable',
    };
    return this;
  }

  /** Every publish takes this long (ms), e.g. to hold a relay's row locks longer. */
  delayPublishes(delayMs: () => number): this {
    this.delay = delayMs;
    return this;
  }

  start(): Promise<void> {
    return this.inner.start();
  }

  stop(): Promise<void> {
    return this.inner.stop();
  }

  async publish(messages: readonly TransportMessage[]): Promise<void> {
    this.publishCalls += 1;
    const delay = this.delay?.();
    if (delay !== undefined) await new Promise((resolve) => setTimeout(resolve, delay));
    const failure = this.failures && this.failures.count > 0 ? this.failures : undefined;
    if (failure) failure.count -= 1;
    if (failure && !failure.afterDelivery) throw new Error(failure.error);
    await this.inner.publish(messages);
    this.published.push(...messages);
    if (failure) throw new Error(failure.error);
  }

  subscribe(
    topics: string | readonly string[],
    groupId: string,
    handler: MessageHandler,
    options?: SubscribeOptions,
  ): Promise<Subscription> {
    return this.inner.subscribe(topics, groupId, handler, options);
  }

  lag(topic: string, groupId: string): Promise<number> {
    return this.inner.lag(topic, groupId);
  }
}

/** A logger that keeps what it is told, for assertions; silent otherwise. */
export function memoryLogger(): EventLogger & { lines: { level: string; text: string }[] } {
  const lines: { level: string; text: string }[] = [];
  const at =
    (level: string) =>
    (obj: object | string, msg?: string): void => {
      lines.push({
        level,
        text: typeof obj === 'string' ? obj : `${msg ?? ''} ${JSON.stringify(obj)}`,
      });
    };
  return { lines, error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
}

/**
 * The brokers Kafka suites run against (`KAFKA_BROKERS`, which `npm test` sets after starting a
 * broker), or why there are none (`CERTIF_TEST_KAFKA`).
 */
export function kafkaTestBrokers(): { brokers: string[] } | { reason: string } {
  const brokers = (process.env['KAFKA_BROKERS'] ?? '').split(',').filter(Boolean);
  const state = process.env['CERTIF_TEST_KAFKA'];
  if (brokers.length > 0 && (state === undefined || state === 'available')) return { brokers };
  return {
    reason:
      state && state !== 'available'
        ? state
        : 'KAFKA_BROKERS is not set (npm test starts a broker; by hand: npm run kafka, then KAFKA_BROKERS=127.0.0.1:9092)',
  };
}

/** Whether a missing broker fails the run (CI) instead of skipping the Kafka suites. */
export const kafkaRequired = (): boolean =>
  process.env['CI'] === 'true' || process.env['REQUIRE_KAFKA'] === '1';

/**
 * `describe` against the test broker. Without one the suite is skipped with the reason in its
 * title, except where Kafka is required (CI): there it fails, as a missing MySQL does.
 */
export function describeWithKafka(title: string, suite: (brokers: string[]) => void): void {
  const target = kafkaTestBrokers();
  if ('brokers' in target) {
    describe(`${title} [kafka ${target.brokers.join(',')}]`, () => suite(target.brokers));
  } else if (kafkaRequired()) {
    describe(`${title} [kafka]`, () => {
      it('needs a Kafka broker', () => {
        throw new Error(
          `Kafka is required here (CI=true or REQUIRE_KAFKA=1) but: ${target.reason}`,
        );
      });
    });
  } else {
    describe.skip(`${title} [kafka] — skipped: ${target.reason}`, () => suite([]));
  }
}
