import { openTestDatabase, type TestDatabase } from '@certif/platform-persistence/testing';
import { Registry } from 'prom-client';
import { EmbeddedBus } from './embedded-bus';
import { EmbeddedTransport } from './embedded-transport';
import { EventMetrics } from './event-metrics';
import { counterIncremented, testSchema } from './events.fixtures';
import { Outbox } from './outbox';
import { runInTransaction } from './run-in-transaction';
import { present } from './testing';

describe('EventMetrics', () => {
  const databases: TestDatabase[] = [];
  afterAll(() => Promise.all(databases.map((db) => db.close())));

  async function serviceWithUnsent(unsent: number, createdAt: Date): Promise<TestDatabase> {
    const db = await openTestDatabase('sqlite', testSchema);
    databases.push(db);
    const outbox = new Outbox({ source: 'certif/test', now: () => createdAt });
    for (let version = 1; version <= unsent; version += 1) {
      await runInTransaction(db.dataSource, (manager) =>
        outbox.publish(manager, counterIncremented, { counterId: 'c', version }),
      );
    }
    return db;
  }

  it('lets two services of one process share a registry, each under its own label', async () => {
    const registry = new Registry();
    const sessions = new EventMetrics({ service: 'sessions', registry });
    const issuing = new EventMetrics({ service: 'issuing', registry });
    const oneMinuteAgo = new Date(Date.now() - 60_000);
    sessions.watchOutbox((await serviceWithUnsent(3, oneMinuteAgo)).dataSource);
    issuing.watchOutbox((await serviceWithUnsent(0, new Date())).dataSource);
    sessions.deliveryFailed(['sessions.title-awarded.v1', 'sessions.title-awarded.v1']);
    issuing.consumed('issuing', 'sessions.title-awarded.v1', 'processed');
    issuing.deadLettered('issuing', 'sessions.title-awarded.v1', 'invalid-payload');

    const text = await registry.metrics();
    expect(text).toContain('certif_events_outbox_unsent{service="sessions"} 3');
    expect(text).toContain('certif_events_outbox_unsent{service="issuing"} 0');
    expect(text).toContain(
      'certif_events_delivery_failures_total{service="sessions",topic="sessions.title-awarded.v1"} 2',
    );
    expect(text).toContain(
      'certif_events_consumed_total{service="issuing",group="issuing",topic="sessions.title-awarded.v1",outcome="processed"} 1',
    );
    expect(text).toContain('reason="invalid-payload"} 1');
    const ageGauge = registry.getSingleMetric('certif_events_outbox_oldest_unsent_age_seconds');
    const age = (await present(ageGauge).get()).values;
    const sessionsAge = age.find((value) => value.labels['service'] === 'sessions')?.value;
    expect(sessionsAge).toBeGreaterThanOrEqual(60);
    expect(age.find((value) => value.labels['service'] === 'issuing')?.value).toBe(0);
  });

  it("reports each consumer group's lag on its topics, read from the transport when scraped", async () => {
    const registry = new Registry();
    const bus = new EmbeddedBus();
    const transport = new EmbeddedTransport({ bus });
    const metrics = new EventMetrics({ service: 'issuing', registry });
    metrics.watchConsumer('issuing', ['sessions.ccp-acquired.v1'], transport);
    await transport.publish(
      ['a', 'b', 'c'].map((key) => ({
        topic: 'sessions.ccp-acquired.v1',
        key,
        headers: {},
        value: '{}',
      })),
    );
    expect(await registry.metrics()).toContain(
      'certif_events_consumer_lag{service="issuing",group="issuing",topic="sessions.ccp-acquired.v1"} 3',
    );
  });

  it('registers in the global registry by default, once', () => {
    expect(() => {
      new EventMetrics({ service: 'a' });
      new EventMetrics({ service: 'b' });
    }).not.toThrow();
  });
});
