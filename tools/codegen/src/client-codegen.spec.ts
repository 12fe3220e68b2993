import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';

const WORKSPACE = resolve(__dirname, '../../..');
const SCRIPT = join(WORKSPACE, 'tools/codegen/codegen.mjs');
const committed = (file: string) => readFileSync(join(WORKSPACE, file), 'utf8');

/** Runs tools/codegen/codegen.mjs (GraphQL Code Generator loads ES modules: not in Jest). */
function codegen(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [SCRIPT, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('what front-end developers get (npm run codegen)', () => {
  it('schema.graphql, the client’s operations and its typed documents are current', () => {
    const run = codegen(['--check']);
    // Stale: run `npm run codegen` and commit what it writes.
    expect(run.output).toContain('schema.graphql and libs/client are current');
    expect(run.status).toBe(0);
  });

  it('the API schema is the gateway’s, without federation internals', () => {
    const schema = committed('schema.graphql');
    expect(schema).not.toMatch(/join__|link__|@join|@link|_Service|_entities|_Any/);
    expect(schema).toContain('type Query {');
  });

  it('the client holds every operation of the contract (the next release’s once served)', () => {
    const contractDir = process.env['CONTRACT_DIR'] ?? join(WORKSPACE, '../shared/contract');
    const contract = readFileSync(join(contractDir, 'operations.graphql'), 'utf8');
    const names = [...contract.matchAll(/^(?:query|mutation)\s+(\w+)/gm)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(20);
    const client = committed('libs/client/src/generated/graphql.ts');
    for (const name of names) expect(client).toContain(`export const ${name}Document = `);
    // …and each validates against the committed schema.
    const schema = buildSchema(committed('schema.graphql'));
    expect(validate(schema, parse(committed('libs/client/src/operations.graphql')))).toEqual([]);
  });

  it('types each document by its result and variables, and leaves out what is not served yet', () => {
    const root = mkdtempSync(join(tmpdir(), 'codegen-'));
    try {
      mkdirSync(join(root, 'apps/gateway'), { recursive: true });
      cpSync(
        join(WORKSPACE, 'apps/gateway/supergraph.graphql'),
        join(root, 'apps/gateway/supergraph.graphql'),
      );
      mkdirSync(join(root, 'contract'));
      writeFileSync(
        join(root, 'contract/operations.graphql'),
        'query Verify($code: String!) { verifyCredential(code: $code) { valid status } }\n',
      );
      writeFileSync(
        join(root, 'contract/operations.next.graphql'),
        'query Tomorrow { notAFieldYet }\n',
      );
      const run = codegen([], { CODEGEN_ROOT: root, CONTRACT_DIR: join(root, 'contract') });
      expect(run.status).toBe(0);
      expect(run.output).toContain('not in the client yet: Tomorrow');
      const client = readFileSync(join(root, 'libs/client/src/generated/graphql.ts'), 'utf8');
      expect(client).toContain('export type VerifyQueryVariables = Exact<{\n  code: string;\n}>;');
      expect(client).toContain(
        'export type VerifyQuery = { verifyCredential: { valid: boolean, status: CredentialStatus | null } };',
      );
      expect(client).toContain('DocumentNode<VerifyQuery, VerifyQueryVariables>');
      expect(client).not.toContain('Tomorrow');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
