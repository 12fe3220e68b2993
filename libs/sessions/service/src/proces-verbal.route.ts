import type { Express, Request, Response } from 'express';
import { bearerToken, type Principal } from '@certif/platform-auth';
import type { Clock } from '@certif/platform-calendar';
import { Conflict, Forbidden, NotFound } from '@certif/platform-errors';
import type { Logger } from '@certif/platform-observability';
import { renderProcesVerbal } from '@certif/sessions-adapters';
import type { SessionQueries } from '@certif/sessions-application';

export interface ProcesVerbalRouteOptions {
  queries: SessionQueries;
  /** Verifies the bearer token itself: this document is served without the gateway. */
  verify: (token: string) => Promise<Principal>;
  clock: Clock;
  logger: Logger;
}

function refuse(response: Response, status: number, message: string): void {
  if (status === 401) response.setHeader('www-authenticate', 'Bearer');
  response.status(status).json({ error: message });
}

async function caller(
  request: Request,
  verify: ProcesVerbalRouteOptions['verify'],
): Promise<Principal | null> {
  try {
    const token = bearerToken(request.headers.authorization);
    return token ? await verify(token) : null;
  } catch {
    return null;
  }
}

/**
 * GET /sessions/:id/proces-verbal.pdf — the deliberation record, for the session's jurors,
 * session managers and admins: 401 without a valid token, 404 for an unknown session, 403 for
 * anyone else, 409 before the jury has deliberated.
 */
export function procesVerbalRoute(options: ProcesVerbalRouteOptions): (app: Express) => void {
  return (app) => {
    app.get(
      '/sessions/:id/proces-verbal.pdf',
      async (request: Request<{ id: string }>, response) => {
        const principal = await caller(request, options.verify);
        if (!principal)
          return refuse(response, 401, 'Sign in first: this document needs a valid bearer token');
        try {
          const pv = await options.queries.procesVerbal(principal, request.params.id);
          const pdf = await renderProcesVerbal(pv, { generatedAt: options.clock.now() });
          response.setHeader('content-type', 'application/pdf');
          response.setHeader(
            'content-disposition',
            `inline; filename="proces-verbal-${pv.session.id}.pdf"`,
          );
          response.setHeader('cache-control', 'private, no-store');
          response.send(pdf);
        } catch (error) {
          if (error instanceof NotFound) return refuse(response, 404, error.message);
          if (error instanceof Forbidden) return refuse(response, 403, error.message);
          if (error instanceof Conflict) return refuse(response, 409, error.message);
          options.logger.error({ err: error }, 'procès-verbal failed');
          return refuse(response, 500, 'Internal server error');
        }
      },
    );
  };
}
