import { randomUUID } from 'node:crypto';
import { decodeCloudEvent, encodeCloudEvent } from './cloud-event';
import { deadLetterHeaders, type Subscription } from './event-transport';
import { KafkaTransport } from './kafka-transport';
import { present, waitFor } from './testing';
import type { TransportMessage } from './transport-message';

// Needs a broker: KAFKA_BROKERS=localhost:9092 npx jest libs/platform/events/src/kafka-transport
const brokers = (process.env['KAFKA_BROKERS'] ?? '').split(',').filter(Boolean);
const describeWithKafka = brokers.length > 0 ? describe : describe.skip;
const title =
  brokers.length > 0
    ? `KafkaTransport [${brokers.join(',')}]`
    : 'KafkaTransport — skipped: KAFKA_BROKERS is not set (no broker to test against)';

jest.setTimeout(120_000);

/** Joining a group and rebalancing takes seconds on a real broker. */
const patience = { timeoutMs: 60_000, intervalMs: 100 };

function event(key: string, n: number, topic: string): TransportMessage {
  const id = randomUUID();
  return encodeCloudEvent(
    {
      specversion: '1.0',
      id,
      type: 'certif.test.numbered.v1',
      source: 'certif/test',
      time: new Date().toISOString(),
      subject: key,
      datacontenttype: 'application/json',
      correlationid: id,
      data: { key, n },
    },
    { topic, key },
  );
}

const numberOf = (message: TransportMessage) => (JSON.parse(message.value) as { n: number }).n;

describeWithKafka(title, () => {
  const transports: KafkaTransport[] = [];
  const subscriptions: Subscription[] = [];
  const run = randomUUID().slice(0, 8);
  let topic: string;

  const transport = () => {
    const created = new KafkaTransport({ brokers, clientId: `certif-test-${run}` });
    transports.push(created);
    return created;
  };

  beforeEach(async () => {
    topic = `test.kafka-transport.${run}.${randomUUID().slice(0, 8)}.v1`;
    await transport().ensureTopics([topic], { numPartitions: 3 });
  });
  afterEach(async () => {
    for (const subscription of subscriptions.splice(0)) await subscription.stop();
    for (const created of transports.splice(0)) await created.stop();
  });

  it('carries CloudEvents headers and keeps per-key order in a group', async () => {
    const producer = transport();
    const keys = ['a', 'b', 'c', 'd'];
    const messages = [];
    for (let n = 0; n < 10; n += 1) for (const key of keys) messages.push(event(key, n, topic));
    await producer.publish(messages);
    const received = new Map<string, number[]>();
    let first: TransportMessage | undefined;
    subscriptions.push(
      await transport().subscribe(topic, `group-${run}`, async (message) => {
        first ??= message;
        received.set(message.key, [...(received.get(message.key) ?? []), numberOf(message)]);
      }),
    );
    const expected = Array.from({ length: 10 }, (_, n) => n);
    await waitFor(() => {
      for (const key of keys) expect(received.get(key)).toEqual(expected);
    }, patience);
    const original = messages.find(
      (message) => message.headers['ce_id'] === first?.headers['ce_id'],
    );
    expect(decodeCloudEvent(present(first))).toEqual(decodeCloudEvent(present(original)));
    expect(first?.headers['ce_specversion']).toBe('1.0');
  });

  it('gives every group every message', async () => {
    await transport().publish([event('a', 1, topic), event('b', 2, topic)]);
    const seen: Record<string, number[]> = { one: [], two: [] };
    for (const group of ['one', 'two']) {
      subscriptions.push(
        await transport().subscribe(topic, `${group}-${run}`, async (message) => {
          seen[group]?.push(numberOf(message));
        }),
      );
    }
    await waitFor(() => {
      expect(seen['one']?.sort()).toEqual([1, 2]);
      expect(seen['two']?.sort()).toEqual([1, 2]);
    }, patience);
  });

  it('commits an offset only once the handler is done', async () => {
    const group = `committing-${run}`;
    await transport().publish([event('a', 1, topic), event('a', 2, topic)]);
    const first: number[] = [];
    const firstConsumer = await transport().subscribe(
      topic,
      group,
      async (message) => {
        if (numberOf(message) === 2) throw new Error('not yet');
        first.push(numberOf(message));
      },
      // Retries long enough for the test to stop the consumer in the middle of them.
      { retry: { maxAttempts: 1000, initialDelayMs: 200, maxDelayMs: 200 } },
    );
    await waitFor(() => expect(first).toEqual([1]), patience);
    await firstConsumer.stop();

    // Message 2 was never committed: the group's next member gets it, and only it.
    const second: number[] = [];
    subscriptions.push(
      await transport().subscribe(topic, group, async (message) => {
        second.push(numberOf(message));
      }),
    );
    await transport().publish([event('a', 3, topic)]);
    await waitFor(() => expect(second).toEqual([2, 3]), patience);
  });

  it('dead-letters to <topic>.dlq after the last try, and the next message flows', async () => {
    const handled: number[] = [];
    const dead: TransportMessage[] = [];
    const hooked: string[] = [];
    await transport().publish([event('a', 1, topic), event('a', 2, topic)]);
    subscriptions.push(
      await transport().subscribe(
        topic,
        `failing-${run}`,
        async (message) => {
          if (numberOf(message) === 1) throw new Error('handler bug');
          handled.push(numberOf(message));
        },
        {
          retry: { maxAttempts: 2, initialDelayMs: 10, maxDelayMs: 10 },
          onDeadLetter: async (_message, info) => void hooked.push(info.reason),
        },
      ),
    );
    subscriptions.push(
      await transport().subscribe(`${topic}.dlq`, `dlq-reader-${run}`, async (message) => {
        dead.push(message);
      }),
    );
    await waitFor(() => {
      expect(handled).toEqual([2]);
      expect(dead).toHaveLength(1);
    }, patience);
    expect(hooked).toEqual(['handler-failed']);
    expect(numberOf(present(dead[0]))).toBe(1);
    expect(dead[0]?.key).toBe('a');
    expect(dead[0]?.headers[deadLetterHeaders.reason]).toBe('handler-failed');
    expect(dead[0]?.headers[deadLetterHeaders.originalTopic]).toBe(topic);
    expect(dead[0]?.headers['ce_type']).toBe('certif.test.numbered.v1');
  });
});
