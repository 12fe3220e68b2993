import { EmbeddedBus, embeddedBus } from './embedded-bus';
import { EmbeddedTransport } from './embedded-transport';
import { deadLetterHeaders, PoisonMessageError, type DeadLetterInfo } from './event-transport';
import { createInMemoryTransport, fastRetry, waitFor } from './testing';
import type { TransportMessage } from './transport-message';

function message(key: string, value: unknown, topic = 'test.things.v1'): TransportMessage {
  return {
    topic,
    key,
    headers: { 'content-type': 'application/json' },
    value: JSON.stringify(value),
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('EmbeddedTransport', () => {
  let transport: EmbeddedTransport;
  beforeEach(() => {
    transport = createInMemoryTransport({ partitions: 4 });
  });
  afterEach(() => transport.stop());

  it('gives every group every message, and each group one delivery', async () => {
    const seen: Record<string, string[]> = { issuing: [], candidates: [] };
    const handler = (group: string) => async (received: TransportMessage) => {
      seen[group]?.push(received.value);
    };
    // Two members of "issuing" (two replicas of a service) share its messages.
    await transport.subscribe('test.things.v1', 'issuing', handler('issuing'));
    await transport.subscribe('test.things.v1', 'issuing', handler('issuing'));
    await transport.subscribe('test.things.v1', 'candidates', handler('candidates'));
    const values = Array.from({ length: 40 }, (_, i) => i);
    await transport.publish(values.map((i) => message(`k${i % 7}`, i)));
    await waitFor(() => {
      expect(seen['issuing']?.map(Number).sort((a, b) => a - b)).toEqual(values);
      expect(seen['candidates']?.map(Number).sort((a, b) => a - b)).toEqual(values);
    });
  });

  it('delivers to a subscriber that arrives after the messages were published', async () => {
    await transport.publish([message('a', 1), message('b', 2)]);
    const seen: string[] = [];
    await transport.subscribe('test.things.v1', 'late', async (received) => {
      seen.push(received.value);
    });
    await waitFor(() => expect(seen.sort()).toEqual(['1', '2']));
  });

  it('keeps per-key order while keys are handled concurrently', async () => {
    const seen = new Map<string, number[]>();
    let concurrent = 0;
    let maxConcurrent = 0;
    await transport.subscribe('test.things.v1', 'g', async (received) => {
      concurrent += 1;
      maxConcurrent = Math.max(maxConcurrent, concurrent);
      await pause(Math.random() * 3);
      const list = seen.get(received.key) ?? [];
      list.push(Number(received.value));
      seen.set(received.key, list);
      concurrent -= 1;
    });
    const keys = Array.from({ length: 12 }, (_, i) => `key-${i}`);
    for (let n = 0; n < 15; n += 1) {
      await transport.publish(keys.map((key) => message(key, n)));
    }
    const expected = Array.from({ length: 15 }, (_, n) => n);
    await waitFor(() => {
      for (const key of keys) expect(seen.get(key)).toEqual(expected);
    });
    expect(maxConcurrent).toBeGreaterThan(1);
  });

  it('retries a failing handler with backoff, then handles the message once', async () => {
    const attempts: number[] = [];
    let handled = 0;
    await transport.subscribe(
      'test.things.v1',
      'g',
      async (_received, delivery) => {
        attempts.push(delivery.attempt);
        if (delivery.attempt < 3) throw new Error('database busy');
        handled += 1;
      },
      { retry: fastRetry },
    );
    await transport.publish([message('a', 1)]);
    await waitFor(() => expect(handled).toBe(1));
    expect(attempts).toEqual([1, 2, 3]);
  });

  it('dead-letters after the last try, or at once for a poison message, and goes on', async () => {
    const dead: { message: TransportMessage; info: DeadLetterInfo }[] = [];
    const handled: string[] = [];
    await transport.subscribe(
      'test.things.v1',
      'g',
      async (received) => {
        if (received.value === '"always fails"') throw new Error('bug');
        if (received.value === '"poison"') throw new PoisonMessageError('invalid-payload', 'bad');
        handled.push(received.value);
      },
      { retry: fastRetry, onDeadLetter: async (m, info) => void dead.push({ message: m, info }) },
    );
    await transport.publish([
      message('a', 'always fails'),
      message('a', 'poison'),
      message('a', 'fine'),
    ]);
    await waitFor(() => expect(handled).toEqual(['"fine"']));
    expect(dead.map((entry) => [entry.info.reason, entry.info.attempts])).toEqual([
      ['handler-failed', 3],
      ['invalid-payload', 1],
    ]);
    const dlq = transport.bus.messages('test.things.v1.dlq');
    expect(dlq.map((entry) => entry.headers[deadLetterHeaders.reason])).toEqual([
      'handler-failed',
      'invalid-payload',
    ]);
    expect(dlq[0]?.headers[deadLetterHeaders.error]).toContain('bug');
    expect(dlq[0]?.headers[deadLetterHeaders.group]).toBe('g');
  });

  it('resumes a group where it stopped; an interrupted message is delivered again', async () => {
    const first: string[] = [];
    const subscription = await transport.subscribe(
      'test.things.v1',
      'g',
      async (received) => {
        if (received.value === '"stuck"') throw new Error('not yet');
        first.push(received.value);
      },
      { retry: { ...fastRetry, maxAttempts: 100, initialDelayMs: 50, maxDelayMs: 50 } },
    );
    await transport.publish([message('a', 'one'), message('a', 'stuck'), message('a', 'after')]);
    await waitFor(() => expect(first).toEqual(['"one"']));
    await subscription.stop();
    const second: string[] = [];
    await transport.subscribe('test.things.v1', 'g', async (received) => {
      second.push(received.value);
    });
    await waitFor(() => expect(second).toEqual(['"stuck"', '"after"']));
  });

  it('forgets old messages only once every group has them', async () => {
    const bus = new EmbeddedBus({ partitions: 1, retention: 10 });
    const small = new EmbeddedTransport({ bus });
    let slowSeen = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    await small.subscribe('test.things.v1', 'slow', async () => {
      await gate;
      slowSeen += 1;
    });
    await small.publish(Array.from({ length: 50 }, (_, i) => message('k', i)));
    expect(bus.messages('test.things.v1')).toHaveLength(50);
    release();
    await waitFor(() => expect(slowSeen).toBe(50));
    await small.publish([message('k', 'more')]);
    await waitFor(() => expect(bus.messages('test.things.v1').length).toBeLessThanOrEqual(11));
    await small.stop();
  });

  it('shares one bus between the services of a process', () => {
    expect(new EmbeddedTransport().bus).toBe(embeddedBus());
    expect(createInMemoryTransport().bus).not.toBe(embeddedBus());
  });
});
