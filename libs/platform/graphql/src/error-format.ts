import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { DomainError } from '@certif/platform-errors';
import { currentRequestId, type Logger } from '@certif/platform-observability';

const CLIENT_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Apollo's `formatError`: a refusal (DomainError) reaches the client with its code and details;
 * GraphQL's own client errors pass through; anything else is a fault of ours, logged with the
 * request id and masked so that no stack trace or SQL leaks to a client.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      return {
        message: original.message,
        ...(formatted.path ? { path: formatted.path } : {}),
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        extensions: { code: original.code, ...original.details() },
      };
    }
    const code = formatted.extensions?.['code'];
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    const requestId = currentRequestId();
    logger.error({ err: original, requestId, path: formatted.path }, 'unexpected error');
    return {
      message: `Internal server error; quote request id ${requestId ?? 'unknown'} to support`,
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
    };
  };
}
