import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Kind, parse, print, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { mintToken, type Role } from '@certif/platform-auth';
import type { Clock } from '@certif/platform-calendar';
import { scratchStorage, type TestDialect } from '@certif/platform-persistence/testing';
import { startOneProcessPlatform, type OneProcessPlatform } from './one-process-platform';

const TEST_SECRET = 'e2e-test-secret-that-is-long-enough-for-hs256!';

/** The operations the front-ends send (../shared/contract/operations.graphql), by name. */
export function contractOperations(): Map<string, string> {
  return operationsOf(
    process.env['CONTRACT_OPERATIONS'] ??
      resolve(__dirname, '../../../../../shared/contract/operations.graphql'),
  );
}

/** The operations the next release adds (../shared/contract/operations.next.graphql), by name. */
export function contractNextOperations(): Map<string, string> {
  return operationsOf(
    process.env['CONTRACT_NEXT_OPERATIONS'] ??
      resolve(__dirname, '../../../../../shared/contract/operations.next.graphql'),
  );
}

/**
 * `op(name)`: the contract's operation of that name, this release's (and the next one's with
 * `next`); an unknown name fails the test that asks for it.
 */
export function contractOperationLookup(
  options: { next?: boolean } = {},
): (name: string) => string {
  const operations = new Map([
    ...contractOperations(),
    ...(options.next ? contractNextOperations() : []),
  ]);
  return (name) => {
    const operation = operations.get(name);
    if (!operation) throw new Error(`operation ${name} is not in the contract`);
    return operation;
  };
}

function operationsOf(path: string): Map<string, string> {
  const document: DocumentNode = parse(readFileSync(path, 'utf8'));
  const operations = new Map<string, string>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION && definition.name) {
      operations.set(definition.name.value, print(definition as OperationDefinitionNode));
    }
  }
  return operations;
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

type Errors = Pick<GraphQLResponse, 'errors'>;
/** The first error's contract code (`extensions.code`). */
export const errorCode = (response: Errors) => response.errors?.[0]?.extensions?.['code'];
/** The first error's rule (`extensions.rule`, e.g. "R6"). */
export const errorRule = (response: Errors) => response.errors?.[0]?.extensions?.['rule'];
/** The first error's message, '' when none. */
export const errorMessage = (response: Errors) => response.errors?.[0]?.message ?? '';

export interface TestPlatform {
  platform: OneProcessPlatform;
  token(
    roles: Role[],
    claims?: { sub?: string; candidateId?: string; centers?: string[] },
  ): Promise<string>;
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string | null,
  ): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

/**
 * The whole platform in this process on free ports, on SQLite in a temporary folder or on a
 * scratch set of MySQL/MariaDB databases that `stop()` drops.
 */
export async function startTestPlatform(
  dialect: TestDialect,
  options: { clock?: Clock; loadSeeds?: boolean } = {},
): Promise<TestPlatform> {
  const storage = scratchStorage(dialect, 'e2e');
  const platform = await startOneProcessPlatform({
    logLevel: process.env['E2E_LOG_LEVEL'] ?? 'silent',
    auth: { kind: 'hs256', secret: TEST_SECRET },
    freePorts: true,
    dataDir: storage.dataDir,
    ...storage.settings,
    ...(options.clock ? { clock: options.clock } : {}),
    loadSeeds: options.loadSeeds ?? true,
  });
  return {
    platform,
    token: (roles, claims = {}) => mintToken({ roles, secret: TEST_SECRET, ...claims }),
    graphql: async (query, variables = {}, token = null) => {
      const response = await fetch(platform.gatewayUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as object) };
    },
    stop: async () => {
      await platform.stop();
      await storage.remove();
    },
  };
}
