// Run by log-correlation.spec.ts in a process of its own, as an app's main.ts runs: the
// instrumentation first, then the libraries it instruments.
import './instrument';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { createLogger, inSpan, startTracing } from './index';

async function main(): Promise<void> {
  const tracing = startTracing({ serviceName: 'fixture', exporter: new InMemorySpanExporter() });
  const logger = createLogger({ service: 'fixture' });
  logger.info('outside any span');
  await inSpan('work', {}, async () => logger.info('inside a span'));
  await tracing?.shutdown();
}

void main();
