import type { Express, Request, Response } from 'express';
import {
  bearerToken,
  INTERNAL_TOKEN_HEADER,
  InvalidToken,
  verifyInternalToken,
  type Principal,
} from '@certif/platform-auth';
import { DomainError } from '@certif/platform-errors';
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

const STATUS: Record<DomainError['code'], number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
};

class MissingToken extends Error {}

async function principalOf(
  request: Request,
  verify: IssuingRoutesOptions['verifyToken'],
): Promise<Principal> {
  const token = bearerToken(request.headers.authorization);
  if (!token) throw new MissingToken('Sign in first: send Authorization: Bearer <JWT>');
  return verify(token);
}

function fail(response: Response, logger: Logger, error: unknown, gone = false): void {
  if (error instanceof MissingToken || error instanceof InvalidToken) {
    response
      .status(401)
      .setHeader('www-authenticate', 'Bearer')
      .json({ error: { code: 'UNAUTHENTICATED', message: error.message } });
    return;
  }
  if (error instanceof DomainError) {
    const status = gone && error.code === 'BAD_USER_INPUT' ? 410 : STATUS[error.code];
    response.status(status).json({ error: { code: error.code, message: error.message } });
    return;
  }
  logger.error({ err: error }, 'document request failed');
  response
    .status(500)
    .json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' } });
}

function param(request: Request, name: string): string {
  const value = request.params[name];
  return typeof value === 'string' ? value : '';
}

/**
 * Routes issuing serves itself, beside /graphql: documents for the holder and session managers
 * (bearer JWT), the signing key and the verification page for anyone.
 */
export function issuingRoutes(options: IssuingRoutesOptions): (app: Express) => void {
  const { desk, records, verifyToken, logger } = options;
  return (app) => {
    /** A holder's document: produced for the signed-in caller, never cached by a proxy. */
    const document = (
      path: string,
      type: string,
      disposition: 'inline' | 'attachment',
      produce: (
        principal: Principal,
        id: string,
      ) => Promise<{ filename: string; body: Buffer | string }>,
      gone = false,
    ) =>
      app.get(path, async (request, response) => {
        try {
          const { filename, body } = await produce(
            await principalOf(request, verifyToken),
            param(request, 'id'),
          );
          response
            .type(type)
            .setHeader('content-disposition', `${disposition}; filename="${filename}"`);
          response.setHeader('cache-control', 'private, no-store').send(body);
        } catch (error) {
          fail(response, logger, error, gone);
        }
      });

    document('/credentials/:id.pdf', 'application/pdf', 'inline', async (principal, id) => {
      const { filename, pdf } = await desk.parcheminPdf(principal, id);
      return { filename, body: pdf };
    });
    // A revoked parchemin's credential answers 410 Gone.
    document(
      '/credentials/:id.vc.jwt',
      'application/vc+jwt',
      'attachment',
      async (principal, id) => {
        const { filename, jwt } = await desk.verifiableCredential(principal, id);
        return { filename, body: jwt };
      },
      true,
    );
    document('/livrets/:id.pdf', 'application/pdf', 'inline', async (principal, id) => {
      const { filename, pdf } = await desk.livretPdf(principal, id);
      return { filename, body: pdf };
    });

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
          throw new MissingToken("This route accepts calls from the platform's services only");
        const section = await options.personalData(
          identity.principal,
          param(request, 'candidateId'),
        );
        response.setHeader('cache-control', 'private, no-store').json({ section });
      } catch (error) {
        fail(response, logger, error);
      }
    });

    // Public: the revocation list a credential's `credentialStatus` points to, signed. Short-lived
    // in caches, so that a revocation shows within minutes.
    app.get('/credentials/status/:list', async (request, response) => {
      try {
        const jwt = await desk.revocationStatusList(param(request, 'list'));
        response
          .type('application/vc+jwt')
          .setHeader('cache-control', 'public, max-age=300')
          .send(jwt);
      } catch (error) {
        fail(response, logger, error);
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
        fail(response, logger, error);
      }
    });
  };
}
