import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { startTracing, type Tracing } from '@certif/platform-observability';
import { waitFor } from '@certif/platform-events/testing';
import { contractOperations, startTestPlatform, type TestPlatform } from './testing';

describe('a trace through the gateway', () => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing | null;
  let t: TestPlatform;

  beforeAll(async () => {
    tracing = startTracing({ serviceName: 'certif-e2e', exporter });
    t = await startTestPlatform('sqlite');
  });
  afterAll(async () => {
    await t.stop();
    await tracing?.shutdown();
  });

  it('follows a query from the gateway into the subgraph that serves it', async () => {
    exporter.reset();
    const token = await t.token(['CANDIDATE'], { candidateId: 'c-1' });
    const response = await t.graphql(
      contractOperations().get('Certifications') as string,
      { first: 1 },
      token,
    );
    expect(response.errors).toBeUndefined();
    const serverSpan = (service: string) =>
      exporter
        .getFinishedSpans()
        .find(
          (span) => span.name === 'POST /graphql' && span.attributes['certif.service'] === service,
        );
    await waitFor(() => serverSpan('gateway') && serverSpan('referentials'));
    const gateway = serverSpan('gateway');
    const subgraph = serverSpan('referentials');
    expect(subgraph?.spanContext().traceId).toBe(gateway?.spanContext().traceId);
    expect(subgraph?.parentSpanContext?.spanId).toBeDefined();
    expect(subgraph?.attributes['certif.request_id']).toBe(
      gateway?.attributes['certif.request_id'],
    );
  });
});
