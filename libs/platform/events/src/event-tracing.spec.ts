import { trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { inSpan, startTracing, type Tracing } from '@certif/platform-observability';
import { openTestDatabase, type TestDatabase } from '@certif/platform-persistence/testing';
import { counterIncremented, testSchema } from './events.fixtures';
import { ServiceEvents } from './service-events';
import { EmbeddedBus } from './embedded-bus';
import { runInTransaction } from './run-in-transaction';
import { waitFor } from './testing';

describe('tracing across an event', () => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing | null;
  let db: TestDatabase;
  let events: ServiceEvents;
  const handledIn: string[] = [];

  beforeAll(async () => {
    tracing = startTracing({ serviceName: 'test', exporter });
    db = await openTestDatabase('sqlite', testSchema);
    events = new ServiceEvents({
      service: 'test',
      dataSource: db.dataSource,
      logger: {
        info: () => undefined,
        warn: () => undefined,
        error: () => undefined,
        debug: () => undefined,
      },
      bus: new EmbeddedBus(),
    }).on(counterIncremented, async () => {
      handledIn.push(trace.getActiveSpan()?.spanContext().traceId ?? 'no span');
    });
    await events.start();
  });
  afterAll(async () => {
    await events.stop();
    await db.close();
    await tracing?.shutdown();
  });

  it('handles the event in a span of the trace that published it', async () => {
    let traceId = '';
    await inSpan('a request that changes a counter', {}, async () => {
      traceId = trace.getActiveSpan()?.spanContext().traceId ?? '';
      await runInTransaction(db.dataSource, (manager) =>
        events.outbox.publish(manager, counterIncremented, { counterId: 'c-1', version: 1 }),
      );
    });
    await waitFor(() => handledIn.length === 1);
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(handledIn).toEqual([traceId]);
    const consumer = exporter.getFinishedSpans().find((span) => span.name.startsWith('consume '));
    expect(consumer?.spanContext().traceId).toBe(traceId);
  });
});
