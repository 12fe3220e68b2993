import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { Express, Request, Response } from 'express';

/** A path the public address serves, and the service behind it (Kubernetes Ingress terms). */
export interface PublicRoute {
  path: string;
  /** Exact: that path only. Prefix: the path and everything under it, element by element. */
  pathType: 'Exact' | 'Prefix';
  service: string;
}

/**
 * What the one public host serves, as infra/k8s/base/ingress.yaml routes it in Kubernetes (a
 * test holds the two equal). `npm start` serves the same list on the gateway's port.
 */
export const PUBLIC_ROUTES: readonly PublicRoute[] = [
  { path: '/graphql', pathType: 'Exact', service: 'gateway' },
  { path: '/verify', pathType: 'Prefix', service: 'issuing' },
  { path: '/credentials', pathType: 'Prefix', service: 'issuing' },
  { path: '/livrets', pathType: 'Prefix', service: 'issuing' },
  { path: '/.well-known/jwks.json', pathType: 'Exact', service: 'issuing' },
  { path: '/sessions', pathType: 'Prefix', service: 'sessions' },
];

/** Whether a request path is routed by `route`, with the Ingress's matching rules. */
export function routeMatches(route: PublicRoute, path: string): boolean {
  if (route.pathType === 'Exact') return path === route.path;
  const prefix = route.path.replace(/\/+$/, '');
  return path === prefix || path.startsWith(`${prefix}/`);
}

// Hop-by-hop headers are the connection's own, never forwarded (RFC 9110 §7.6.1).
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
]);

function forwardedHeaders(headers: IncomingHttpHeaders, request: Request): IncomingHttpHeaders {
  const kept: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!HOP_BY_HOP.has(name) && value !== undefined) kept[name] = value;
  }
  if (request.headers.host) kept['x-forwarded-host'] = request.headers.host;
  kept['x-forwarded-proto'] = request.protocol;
  return kept;
}

/**
 * Forwards the public routes of other services from the gateway's port, as the Ingress does in
 * Kubernetes: one address for the API and the holder's documents. `origin` gives a service's
 * base URL (e.g. http://localhost:4004) once it runs.
 */
export function publicRoutesProxy(
  routes: readonly PublicRoute[],
  self: string,
  origin: (service: string) => string | undefined,
): (app: Express) => void {
  const forwarded = routes.filter((route) => route.service !== self);
  return (app) => {
    app.use((request: Request, response: Response, next) => {
      const route = forwarded.find((candidate) => routeMatches(candidate, request.path));
      const base = route ? origin(route.service) : undefined;
      if (!route || !base) {
        next();
        return;
      }
      const target = new URL(request.originalUrl, base);
      const upstream = httpRequest(
        target,
        { method: request.method, headers: forwardedHeaders(request.headers, request) },
        (answer) => {
          response.status(answer.statusCode ?? 502);
          for (const [name, value] of Object.entries(answer.headers)) {
            if (!HOP_BY_HOP.has(name) && value !== undefined) response.setHeader(name, value);
          }
          answer.pipe(response);
        },
      );
      upstream.on('error', (error) => {
        if (response.headersSent) {
          response.destroy(error);
          return;
        }
        response.status(502).json({
          error: { code: 'BAD_GATEWAY', message: `The ${route.service} service did not answer` },
        });
      });
      request.pipe(upstream);
    });
  };
}
