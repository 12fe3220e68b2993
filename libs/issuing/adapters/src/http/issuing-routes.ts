import type { Request } from 'express';
import { INTERNAL_TOKEN_HEADER, verifyInternalToken, type Principal } from '@certif/platform-auth';
import { DomainError, Unauthenticated } from '@certif/platform-errors';
import {
  allRoutes,
  anyone,
  bearerCaller,
  documentRoute,
  sendRouteError,
  type RefusalStatus,
  type Route,
} from '@certif/platform-http';
import type { Logger } from '@certif/platform-observability';
import type { CandidateRecordsQueries, DocumentsQueries } from '@certif/issuing-application';
import { verificationPage } from '../documents/verification-page';

export interface IssuingRoutesOptions {
  desk: DocumentsQueries;
  records: CandidateRecordsQueries;
  /** Bearer tokens are verified here, as the gateway would: these routes are served directly. */
  verifyToken: (token: string) => Promise<Principal>;
  jwks: () => object;
  logger: Logger;
  /** Verifies calls from the platform's own services (the candidates service's GDPR export). */
  internalSecret: string;
  /** The issuing section of a candidate's GDPR export; null when issuing holds nothing. */
  personalData: (
    principal: Principal | null,
    candidateId: string,
  ) => Promise<Record<string, unknown> | null>;
}

function param(request: Request, name: string): string {
  const value = request.params[name];
  return typeof value === 'string' ? value : '';
}

/** A revoked parchemin's credential answers 410 Gone. */
const gone: RefusalStatus = (error) =>
  error instanceof DomainError && error.code === 'BAD_USER_INPUT' ? 410 : undefined;

/**
 * Routes issuing serves itself, beside /graphql: documents for the holder and session managers
 * (bearer JWT), the signing key and the verification page for anyone.
 */
export function issuingRoutes(options: IssuingRoutesOptions): Route {
  const { desk, records, verifyToken, logger } = options;
  const caller = bearerCaller(verifyToken);
  const holderDocuments = allRoutes(
    documentRoute({
      path: '/credentials/:id.pdf',
      type: 'application/pdf',
      disposition: 'inline',
      caller,
      produce: async (principal, { id = '' }) => {
        const { filename, pdf } = await desk.parcheminPdf(principal, id);
        return { filename, body: pdf };
      },
      logger,
    }),
    documentRoute({
      path: '/credentials/:id.vc.jwt',
      type: 'application/vc+jwt',
      disposition: 'attachment',
      caller,
      produce: async (principal, { id = '' }) => {
        const { filename, jwt } = await desk.verifiableCredential(principal, id);
        return { filename, body: jwt };
      },
      refusal: gone,
      logger,
    }),
    documentRoute({
      path: '/livrets/:id.pdf',
      type: 'application/pdf',
      disposition: 'inline',
      caller,
      produce: async (principal, { id = '' }) => {
        const { filename, pdf } = await desk.livretPdf(principal, id);
        return { filename, body: pdf };
      },
      logger,
    }),
  );
  // Public: the revocation list a credential's `credentialStatus` points to, signed. Short-lived
  // in caches, so that a revocation shows within minutes.
  const revocationList = documentRoute({
    path: '/credentials/status/:list',
    type: 'application/vc+jwt',
    cacheControl: 'public, max-age=300',
    caller: anyone,
    produce: async (_anyone, { list = '' }) => ({ body: await desk.revocationStatusList(list) }),
    logger,
  });
  return (app) => {
    holderDocuments(app);
    revocationList(app);

    // Internal: reached by the platform's services with a token signed like the gateway's, never
    // routed by the ingress. The forwarded principal must be allowed to read that record.
    app.get('/internal/personal-data/:candidateId', async (request, response) => {
      try {
        const header = request.headers[INTERNAL_TOKEN_HEADER];
        const identity = await verifyInternalToken(
          options.internalSecret,
          Array.isArray(header) ? header[0] : header,
        );
        if (!identity)
          throw new Unauthenticated("This route accepts calls from the platform's services only");
        const section = await options.personalData(
          identity.principal,
          param(request, 'candidateId'),
        );
        response.setHeader('cache-control', 'private, no-store').json({ section });
      } catch (error) {
        sendRouteError(response, logger, error);
      }
    });

    app.get('/.well-known/jwks.json', (_request, response) => {
      response.setHeader('cache-control', 'public, max-age=300').json(options.jwks());
    });

    // The page for a person; the same facts as JSON for a program (Accept: application/json).
    app.get('/verify/:code', async (request, response) => {
      try {
        const code = param(request, 'code');
        const result = await records.verify(code);
        response
          .status(result.status === null ? 404 : 200)
          .setHeader('cache-control', 'no-store')
          .vary('Accept');
        if (request.accepts(['html', 'json']) === 'json') {
          response.json({ code, ...result });
          return;
        }
        response
          .type('text/html; charset=utf-8')
          .setHeader('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
          .send(verificationPage(code, result));
      } catch (error) {
        sendRouteError(response, logger, error);
      }
    });
  };
}
