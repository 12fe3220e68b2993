import { mintToken, type Role } from '@certif/platform-auth';
import type { Clock } from '@certif/platform-calendar';
import { scratchStorage, type TestDialect } from '@certif/platform-persistence/testing';
import { Journey } from './journey';
import { startOneProcessPlatform, type OneProcessPlatform } from './one-process-platform';

export {
  contractNextOperations,
  contractOperationLookup,
  contractOperations,
} from './contract-operations';
export * from './journey';

const TEST_SECRET = 'e2e-test-secret-that-is-long-enough-for-hs256!';

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
  /** The contract's journey through this platform's gateway, with its tokens. */
  journey: Journey;
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
    journey: new Journey(platform.gatewayUrl, TEST_SECRET),
    stop: async () => {
      await platform.stop();
      await storage.remove();
    },
  };
}
