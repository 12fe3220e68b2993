import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Kind, parse, print, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { createConnection } from 'mysql2/promise';
import { mintToken, type Role } from '@certif/platform-auth';
import type { Clock } from '@certif/platform-calendar';
import type { TestDialect } from '@certif/platform-persistence/testing';
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
  const dataDir = mkdtempSync(join(tmpdir(), 'certif-e2e-'));
  const databasePrefix = `certif_e2e_${randomBytes(3).toString('hex')}`;
  const databaseUrl =
    dialect === 'mysql'
      ? (process.env['TEST_DATABASE_URL'] ?? 'mysql://root@127.0.0.1:3306')
      : undefined;
  const platform = await startOneProcessPlatform({
    logLevel: process.env['E2E_LOG_LEVEL'] ?? 'silent',
    auth: { kind: 'hs256', secret: TEST_SECRET },
    freePorts: true,
    dataDir,
    ...(databaseUrl ? { databaseUrl, databasePrefix } : {}),
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
      rmSync(dataDir, { recursive: true, force: true });
      if (databaseUrl) {
        const url = new URL(databaseUrl);
        const connection = await createConnection({
          host: url.hostname,
          port: Number(url.port || 3306),
          user: url.username || 'root',
          password: url.password,
        });
        const [rows] = await connection.query('SHOW DATABASES LIKE ?', [`${databasePrefix}%`]);
        for (const row of rows as Record<string, string>[]) {
          await connection.query(`DROP DATABASE \`${Object.values(row)[0]}\``);
        }
        await connection.end();
      }
    },
  };
}
