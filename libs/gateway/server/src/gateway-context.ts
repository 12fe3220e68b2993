import { GraphQLError } from 'graphql';
import { bearerToken, InvalidToken, type Principal } from '@certif/platform-auth';

export interface GatewayContext {
  principal: Principal | null;
  requestId: string;
}

/**
 * The gateway is where tokens are verified. No token: an anonymous call (public verification);
 * subgraphs refuse what needs a sign-in. A bad token is refused at once with 401.
 */
export async function gatewayContext(
  verify: (token: string) => Promise<Principal>,
  authorization: string | undefined,
  requestId: string,
): Promise<GatewayContext> {
  try {
    const token = bearerToken(authorization);
    return { principal: token ? await verify(token) : null, requestId };
  } catch (error) {
    if (!(error instanceof InvalidToken)) throw error;
    throw new GraphQLError(`${error.message}; sign in again`, {
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
    });
  }
}
