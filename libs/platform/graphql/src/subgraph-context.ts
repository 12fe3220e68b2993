import { GraphQLError } from 'graphql';
import type { AuthCheckerFn } from 'type-graphql';
import {
  hasAnyRole,
  INTERNAL_TOKEN_HEADER,
  verifyInternalToken,
  type Principal,
  type Role,
} from '@certif/platform-auth';
import { Forbidden, Unauthenticated } from '@certif/platform-errors';
import type { Logger } from '@certif/platform-observability';

/** What every resolver of every subgraph can read. */
export interface SubgraphContext {
  principal: Principal | null;
  requestId: string;
  logger: Logger;
}

type Headers = Record<string, string | string[] | undefined>;

/**
 * Subgraphs are reached only through the gateway: a request without a valid internal token is
 * refused before any resolver runs, so forged `roles` claims never reach the domain.
 */
export async function identityFromGateway(
  internalSecret: string,
  headers: Headers,
): Promise<Principal | null> {
  const header = headers[INTERNAL_TOKEN_HEADER];
  const identity = await verifyInternalToken(
    internalSecret,
    Array.isArray(header) ? header[0] : header,
  );
  if (!identity) {
    throw new GraphQLError('This service accepts calls from the gateway only', {
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
    });
  }
  return identity.principal;
}

/**
 * `@Authorized()` needs any valid token; `@Authorized('SESSION_MANAGER')` one of the roles
 * (ADMIN may do everything). Refusals carry the contract's codes.
 */
export const roleAuthChecker: AuthCheckerFn<SubgraphContext, Role> = ({ context }, roles) => {
  if (!context.principal) {
    throw new Unauthenticated('Sign in first: this operation needs a bearer token');
  }
  if (roles.length === 0 || hasAnyRole(context.principal, roles)) return true;
  throw new Forbidden(`This operation needs one of the roles ${roles.join(', ')}`);
};

/** For checks on data rather than on operations (a candidate reading only their own record). */
export function requirePrincipal(context: SubgraphContext): Principal {
  if (!context.principal) {
    throw new Unauthenticated('Sign in first: this operation needs a bearer token');
  }
  return context.principal;
}
