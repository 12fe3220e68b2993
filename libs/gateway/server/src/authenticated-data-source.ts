import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { signInternalToken } from '@certif/platform-auth';
import { injectTraceHeaders, REQUEST_ID_HEADER } from '@certif/platform-observability';
import type { GatewayContext } from './gateway-context';

/** The header by which @apollo/gateway asks a subgraph for a federated trace. */
export const INLINE_TRACE_HEADER = 'apollo-federation-include-trace';

type FetcherResponse = Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0];

/** Every call to a subgraph carries the verified identity (signed) and the request id. */
export class AuthenticatedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly internalSecret: string,
    /** Ask subgraphs for inline traces (ftv1) when the gateway's usage reporting wants them. */
    private readonly inlineTraces = false,
  ) {
    // Node's own fetch (undici, keep-alive) rather than Apollo's default make-fetch-happen,
    // whose agent captures a stack trace per request to tell http from https: under load the
    // subgraph calls took 13 % of the gateway process's CPU with it, 7 % without (npm run bench).
    // Its global dispatcher keeps each subgraph's connections open between requests (keep-alive,
    // a pool per origin, no limit on connections): authenticated-data-source.spec.ts checks that
    // calls reuse them.
    // No HTTP caching of GraphQL answers on this platform (the cache-control plugin is off): the
    // subgraphs' cache-control headers are not worth parsing per fetch.
    super({ url, fetcher: fetch, honorSubgraphCacheControlHeader: false });
  }

  override async willSendRequest({
    request,
    context,
  }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const headers = request.http?.headers;
    if (!headers) return;
    // A subgraph builds an inline trace (every field timed, protobuf-encoded) only when asked:
    // never, unless this gateway reports traces.
    if (!this.inlineTraces) headers.delete(INLINE_TRACE_HEADER);
    const principal = 'principal' in context ? (context.principal ?? null) : null;
    headers.set('x-certif-gateway-token', await signInternalToken(this.internalSecret, principal));
    if ('requestId' in context && context.requestId)
      headers.set(REQUEST_ID_HEADER, context.requestId);
    injectTraceHeaders((name, value) => headers.set(name, value));
  }

  /**
   * A subgraph answers 400 when the gateway forwards a variable it cannot coerce (an impossible
   * Date: the gateway's `Date` scalar does not parse). Its error is the client's, not ours: pass
   * it on with its code instead of a masked "400: Bad Request".
   */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    if (response.status === 400) {
      const body = (await response
        .clone()
        .json()
        .catch(() => null)) as {
        errors?: { message?: string; extensions?: { code?: string } }[];
      } | null;
      const first = body?.errors?.[0];
      if (first?.message && first.extensions?.code === 'BAD_USER_INPUT') {
        return new GraphQLError(first.message, { extensions: { code: 'BAD_USER_INPUT' } });
      }
    }
    return super.errorFromResponse(response);
  }
}
