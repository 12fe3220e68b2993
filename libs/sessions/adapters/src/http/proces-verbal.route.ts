import type { Principal } from '@certif/platform-auth';
import type { Clock } from '@certif/platform-calendar';
import { bearerCaller, documentRoute, type Route } from '@certif/platform-http';
import type { Logger } from '@certif/platform-observability';
import type { SessionQueries } from '@certif/sessions-application';
import { renderProcesVerbal } from '../documents/proces-verbal.pdf';

export interface ProcesVerbalRouteOptions {
  queries: SessionQueries;
  /** Verifies the bearer token itself: this document is served without the gateway. */
  verify: (token: string) => Promise<Principal>;
  clock: Clock;
  logger: Logger;
}

/**
 * GET /sessions/:id/proces-verbal.pdf — the deliberation record, for the session's jurors,
 * session managers and admins: 401 without a valid token, 404 for an unknown session, 403 for
 * anyone else, 409 before the jury has deliberated.
 */
export function procesVerbalRoute(options: ProcesVerbalRouteOptions): Route {
  return documentRoute({
    path: '/sessions/:id/proces-verbal.pdf',
    type: 'application/pdf',
    disposition: 'inline',
    caller: bearerCaller(options.verify),
    produce: async (principal, { id = '' }) => {
      const pv = await options.queries.procesVerbal(principal, id);
      return {
        filename: `proces-verbal-${pv.session.id}.pdf`,
        body: await renderProcesVerbal(pv, { generatedAt: options.clock.now() }),
      };
    },
    logger: options.logger,
  });
}
