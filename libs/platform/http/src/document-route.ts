import type { Express, Request, Response } from 'express';
import { bearerToken, InvalidToken, type Principal } from '@certif/platform-auth';
import { Conflict, DomainError, Unauthenticated } from '@certif/platform-errors';
import type { Logger } from '@certif/platform-observability';

/** Something a service serves beside /graphql, added to its app. */
export type Route = (app: Express) => void;

/** The routes of `routes`, in order, as one. */
export function allRoutes(...routes: Route[]): Route {
  return (app) => {
    for (const route of routes) route(app);
  };
}

/** The one error body of the routes beside /graphql: `{ error: { code, message } }`. */
export interface RouteErrorBody {
  error: { code: string; message: string };
}

const STATUS: Record<DomainError['code'], number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
};

const CODE: Record<number, string> = {
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
};

/** A route's own refusals beyond the platform's errors (410 for a revoked credential…). */
export type RefusalStatus = (error: unknown) => number | undefined;

/**
 * Answers a failed request: 401 (with `www-authenticate: Bearer`) for a missing or bad token,
 * the status of a domain error (409 for a `Conflict`), `refusal`'s status when it names one, and
 * 500 otherwise, logged and never detailed.
 */
export function sendRouteError(
  response: Response,
  logger: Logger,
  error: unknown,
  refusal?: RefusalStatus,
): void {
  const status =
    refusal?.(error) ??
    (error instanceof InvalidToken
      ? 401
      : error instanceof Conflict
        ? 409
        : error instanceof DomainError
          ? STATUS[error.code]
          : 500);
  if (status >= 500) {
    logger.error({ err: error }, 'document request failed');
    response.status(status).json({
      error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' },
    } satisfies RouteErrorBody);
    return;
  }
  if (status === 401) response.setHeader('www-authenticate', 'Bearer');
  const code = error instanceof DomainError ? error.code : (CODE[status] ?? 'BAD_USER_INPUT');
  const message = error instanceof Error ? error.message : String(error);
  response.status(status).json({ error: { code, message } } satisfies RouteErrorBody);
}

/** Who asks for a document: the principal of a bearer token, verified here (no gateway). */
export function bearerCaller(
  verify: (token: string) => Promise<Principal>,
): (request: Request) => Promise<Principal> {
  return async (request) => {
    const token = bearerToken(request.headers.authorization);
    if (!token) throw new Unauthenticated('Sign in first: send Authorization: Bearer <JWT>');
    return verify(token);
  };
}

/** A public document: anyone may read it. */
export const anyone = async (): Promise<null> => null;

export interface ServedDocument {
  /** Named in `content-disposition` when set. */
  filename?: string;
  body: Buffer | string;
}

export interface DocumentRouteOptions<TCaller> {
  /** An Express path; its parameters are handed to `produce`. */
  path: string;
  /** The content type: application/pdf, application/vc+jwt… */
  type: string;
  /** `inline` (read in the browser) or `attachment` (a file to keep), with the filename. */
  disposition?: 'inline' | 'attachment';
  /** Default `private, no-store`: a holder's document is never kept by a proxy. */
  cacheControl?: string;
  /** Who asks (throws to refuse): `bearerCaller(verify)`, or `anyone`. */
  caller: (request: Request) => Promise<TCaller>;
  /** The document for that caller; throws NotFound, Forbidden, Conflict… to refuse. */
  produce: (caller: TCaller, params: Record<string, string>) => Promise<ServedDocument>;
  /** Statuses of the route's own errors (see `sendRouteError`). */
  refusal?: RefusalStatus;
  logger: Logger;
}

function paramsOf(request: Request): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.params as Record<string, unknown>)) {
    params[name] = typeof value === 'string' ? value : '';
  }
  return params;
}

/**
 * GET a document (a PDF, a signed JWT): the caller checked by a callback, the document produced
 * for that caller, served with its type, disposition and caching; any refusal answers the one
 * error body of `sendRouteError` (401, 403, 404, 409, 500…).
 */
export function documentRoute<TCaller>(options: DocumentRouteOptions<TCaller>): Route {
  const disposition = options.disposition;
  return (app) => {
    app.get(options.path, async (request, response) => {
      try {
        const caller = await options.caller(request);
        const { filename, body } = await options.produce(caller, paramsOf(request));
        response.type(options.type);
        if (disposition && filename !== undefined) {
          response.setHeader('content-disposition', `${disposition}; filename="${filename}"`);
        }
        response.setHeader('cache-control', options.cacheControl ?? 'private, no-store');
        response.send(body);
      } catch (error) {
        sendRouteError(response, options.logger, error, options.refusal);
      }
    });
  };
}
