import { operationFromDocument, type Schema } from '@apollo/federation-internals';
import type { ApolloGateway } from '@apollo/gateway';
import { createHash } from 'node:crypto';
import { Kind, parse, print, type OperationDefinitionNode } from 'graphql';

/** What the gateway keeps of its plans (private in @apollo/gateway 2.x: read, never replaced). */
interface GatewayInternals {
  queryPlanStore?: { set(key: string, plan: unknown): Promise<void> | void };
  queryPlanner?: { buildQueryPlan(operation: unknown, options?: object): unknown };
  apiSchema?: Schema;
}

/**
 * The operations of `documents`, each as a client sends it: its own definition printed
 * (`print`, what a typed client or the contract's tests send).
 */
export function operationsOf(documents: readonly string[]): { name: string; query: string }[] {
  return documents.flatMap((document) =>
    parse(document)
      .definitions.filter(
        (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && !!d.name,
      )
      .map((d) => ({ name: d.name?.value ?? '', query: print(d) })),
  );
}

/**
 * Plans the given operations before the first request, into the gateway's own plan cache, under
 * the key it looks them up by (sha256 of sha256(query text) and the operation name, as
 * @apollo/gateway 2.x computes it): the first call of each operation no longer pays for its plan
 * (tens of milliseconds for a federated one). Call after the gateway has loaded its supergraph
 * (ApolloServer.start). Returns how many plans were stored; 0 if this gateway's internals are not
 * what this code knows (the cache then simply fills on first use, as before).
 */
export async function warmQueryPlans(
  gateway: ApolloGateway,
  operations: readonly { name: string; query: string }[],
): Promise<number> {
  const internals = gateway as unknown as GatewayInternals;
  const { queryPlanStore, queryPlanner, apiSchema } = internals;
  if (!queryPlanStore || !queryPlanner || !apiSchema) return 0;
  let stored = 0;
  for (const { name, query } of operations) {
    const queryHash = createHash('sha256').update(query).digest('hex');
    const key = createHash('sha256').update(queryHash).update(name).digest('hex');
    const operation = operationFromDocument(apiSchema, parse(query), { operationName: name });
    const plan = queryPlanner.buildQueryPlan(operation, {
      recursiveSelectionsLimitDisabled: false,
      nonLocalSelectionsLimitDisabled: false,
    });
    await queryPlanStore.set(key, plan);
    stored += 1;
  }
  return stored;
}
