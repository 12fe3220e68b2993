#!/usr/bin/env node
// Runs a TypeScript entry point of this workspace: ts-node (transpile only, decorator metadata
// kept for type-graphql and TypeORM) with the workspace's path aliases.
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireWorkspaceNode } from './node-version.mjs';

requireWorkspaceNode();

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node tools/start/run-ts.mjs <file.ts> [args…]');
  process.exit(2);
}
const result = spawnSync(
  process.execPath,
  [
    '-r',
    'ts-node/register/transpile-only',
    '-r',
    'tsconfig-paths/register',
    resolve(root, entry),
    ...args,
  ],
  {
    stdio: 'inherit',
    cwd: process.cwd(),
    env: {
      TS_NODE_PROJECT: resolve(root, 'tsconfig.json'),
      APOLLO_TELEMETRY_DISABLED: '1',
      ...process.env,
    },
  },
);
process.exit(result.status ?? 1);
