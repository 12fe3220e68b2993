import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { signInternalToken } from '@certif/platform-auth';
import { REQUEST_ID_HEADER } from '@certif/platform-observability';
import type { GatewayContext } from './gateway-context';

/** Every call to a subgraph carries the verified identity (signed) and the request id. */
export class AuthenticatedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly internalSecret: string,
  ) {
    super({ url });
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const headers = request.http?.headers;
    if (!headers) return;
    const principal = 'principal' in context ? (context.principal ?? null) : null;
    headers.set('x-certif-gateway-token', await signInternalToken(this.internalSecret, principal));
    if ('requestId' in context && context.requestId) headers.set(REQUEST_ID_HEADER, context.requestId);
  }
}
