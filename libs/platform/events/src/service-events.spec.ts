import { openTestDatabase, type TestDatabase } from '@certif/platform-persistence/testing';
import type { EventTransport, SubscribeOptions } from './event-transport';
import { counterIncremented, testSchema } from './events.fixtures';
import { ServiceEvents } from './service-events';
import { createInMemoryTransport } from './testing';

const quiet = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  debug: () => undefined,
};

describe('ServiceEvents.ready (what /readyz asks)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase('sqlite', testSchema);
  });
  afterAll(() => db.close());

  /** The in-memory transport, whose subscriptions can be made to crash like a Kafka consumer's. */
  function crashableTransport() {
    const inner = createInMemoryTransport();
    const stopped: Array<(error: unknown) => void> = [];
    let reachable = true;
    const transport: EventTransport = {
      kind: 'embedded',
      start: () => inner.start(),
      stop: () => inner.stop(),
      publish: (messages) => inner.publish(messages),
      lag: (topic, group) => inner.lag(topic, group),
      health: () =>
        reachable
          ? { ready: true, problems: [] }
          : { ready: false, problems: ['broker unreachable'] },
      subscribe: (topics, group, handler, options: SubscribeOptions = {}) => {
        if (options.onStopped) stopped.push(options.onStopped);
        return inner.subscribe(topics, group, handler, options);
      },
    };
    return {
      transport,
      crash: () => stopped.forEach((report) => report(new Error('consumer crashed'))),
      setReachable: (value: boolean) => {
        reachable = value;
      },
    };
  }

  it('is not ready before start, ready while consuming, not ready once the consumer stopped', async () => {
    const { transport, crash } = crashableTransport();
    const events = new ServiceEvents({
      service: 'test',
      dataSource: db.dataSource,
      logger: quiet,
      transport,
    }).on(counterIncremented, async () => undefined);
    expect(await events.ready()).toBe(false);
    await events.start();
    expect(await events.ready()).toBe(true);
    crash();
    expect(await events.ready()).toBe(false);
    await events.stop();
  });

  it('is not ready while its transport cannot reach the broker', async () => {
    const { transport, setReachable } = crashableTransport();
    const events = new ServiceEvents({
      service: 'test',
      dataSource: db.dataSource,
      logger: quiet,
      transport,
    });
    await events.start();
    expect(await events.ready()).toBe(true);
    setReachable(false);
    expect(await events.ready()).toBe(false);
    await events.stop();
  });
});
