import type { ErrorRequestHandler } from 'express';
import type { Logger } from '@certif/platform-observability';

/**
 * What no route answered because it failed (a body too large, malformed JSON, a bug): a GraphQL
 * shaped error body, the details logged for a server error and never sent.
 */
export function errorHandler(logger: Logger, bodyLimit: string): ErrorRequestHandler {
  return (error: Error & { status?: number; type?: string }, _request, response, _next) => {
    const status = error.status ?? 500;
    if (status >= 500) logger.error({ err: error }, 'HTTP request failed');
    const message =
      error.type === 'entity.too.large'
        ? `The request body is larger than ${bodyLimit}; send a smaller request`
        : status >= 500
          ? 'Internal server error'
          : error.message;
    response.status(status).json({
      errors: [
        { message, extensions: { code: status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST' } },
      ],
    });
  };
}
