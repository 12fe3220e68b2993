// Imported first by each app's main.ts (before express, mysql2, kafkajs or pino load), so that
// OpenTelemetry can instrument them: only when tracing is on (OTEL_EXPORTER_OTLP_ENDPOINT).
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { KafkaJsInstrumentation } from '@opentelemetry/instrumentation-kafkajs';
import { MySQL2Instrumentation } from '@opentelemetry/instrumentation-mysql2';
import { PinoInstrumentation } from '@opentelemetry/instrumentation-pino';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';

let registered = false;

/**
 * Spans for outgoing HTTP (the gateway's calls to subgraphs, fetch), Express routes, SQL
 * statements and Kafka messages; `trace_id` and `span_id` on every log line written inside a
 * span. Incoming requests keep the server span platform-http makes (with the request id).
 */
export function instrumentLibraries(): void {
  if (registered) return;
  registered = true;
  registerInstrumentations({
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: () => true }),
      new ExpressInstrumentation(),
      new UndiciInstrumentation(),
      new MySQL2Instrumentation(),
      new KafkaJsInstrumentation(),
      new PinoInstrumentation(),
    ],
  });
}

if (process.env['OTEL_EXPORTER_OTLP_ENDPOINT']) instrumentLibraries();
