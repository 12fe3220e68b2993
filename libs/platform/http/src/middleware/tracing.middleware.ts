import type { RequestHandler } from 'express';
import { context, SpanKind, trace } from '@opentelemetry/api';
import { contextFromHeaders, tracer } from '@certif/platform-observability';
import { requestIdOf } from './request-id.middleware';

/** A server span per request, child of the caller's (the gateway's fetch, or a client's). */
export function tracingMiddleware(service: string): RequestHandler {
  return (request, response, next) => {
    const parent = contextFromHeaders(request.headers);
    const span = tracer().startSpan(
      `${request.method} ${request.path}`,
      {
        kind: SpanKind.SERVER,
        attributes: { 'certif.service': service, 'certif.request_id': requestIdOf(response) },
      },
      parent,
    );
    response.on('finish', () => {
      span.setAttribute('http.status_code', response.statusCode);
      span.end();
    });
    context.with(trace.setSpan(parent, span), next);
  };
}
