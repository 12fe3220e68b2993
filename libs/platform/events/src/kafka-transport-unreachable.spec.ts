import { createServer } from 'node:net';
import { KafkaTransport } from './kafka-transport';
import { waitFor } from './testing';

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 1;
}

jest.setTimeout(60_000);

// No broker needed: what a service sees when Kafka cannot be reached at start.
describe('KafkaTransport without a reachable broker', () => {
  it('starts and subscribes without throwing, and says in health() why it is not ready', async () => {
    const broker = `127.0.0.1:${await closedPort()}`;
    const transport = new KafkaTransport({
      brokers: [broker],
      clientId: 'certif-unreachable',
      kafka: { connectionTimeout: 300 },
      reconnect: { initialDelayMs: 50, maxDelayMs: 200 },
      connectTimeoutMs: 1000,
    });
    try {
      await transport.start();
      await transport.subscribe('test.unreachable.v1', 'unreachable', async () => undefined);
      await waitFor(
        () => {
          const health = transport.health();
          expect(health.ready).toBe(false);
          expect(health.problems).toEqual([
            expect.stringMatching(new RegExp(`cannot reach Kafka at ${broker}`)),
            expect.stringMatching(/consumer unreachable cannot reach Kafka/),
          ]);
        },
        { timeoutMs: 45_000, intervalMs: 100 },
      );
      await expect(
        transport.publish([{ topic: 'test.unreachable.v1', key: 'k', headers: {}, value: '{}' }]),
      ).rejects.toThrow(/could not connect to Kafka/);
    } finally {
      await transport.stop();
    }
  });
});
