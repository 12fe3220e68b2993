import type { Request } from 'express';

/** Any path that no route matched: one label value, so probing random paths adds no series. */
export const UNMATCHED_ROUTE = 'unmatched';

/** The route's pattern (`/verify/:code`), never the raw path a client chose. */
export function routeLabel(request: Request): string {
  const pattern = (request.route as { path?: unknown } | undefined)?.path;
  if (typeof pattern === 'string') return pattern;
  // originalUrl: under app.use('/graphql'), `path` has lost its mount point.
  const path = request.originalUrl.split('?')[0] ?? '';
  if (path === '/graphql' || path.startsWith('/graphql/')) return '/graphql';
  return UNMATCHED_ROUTE;
}
