import type { RequestHandler, Response } from 'express';
import { REQUEST_ID_HEADER, requestIdFrom, runWithRequestId } from '@certif/platform-observability';

/** The request id of a response: the one the request-id middleware echoed back. */
export function requestIdOf(response: Response): string {
  return String(response.getHeader(REQUEST_ID_HEADER) ?? requestIdFrom(undefined));
}

/**
 * Every request runs with a request id, taken from the caller or made here, and echoed back in
 * the response's header; what runs for the request (logs) reads it.
 */
export function requestIdMiddleware(): RequestHandler {
  return (request, response, next) => {
    const requestId = requestIdFrom(request.headers[REQUEST_ID_HEADER]);
    response.setHeader(REQUEST_ID_HEADER, requestId);
    runWithRequestId(requestId, next);
  };
}
