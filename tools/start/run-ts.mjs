#!/usr/bin/env node
// Runs a TypeScript entry point of this workspace (see typescript-entry.mjs).
import { spawnSync } from 'node:child_process';
import { requireWorkspaceNode } from './node-version.mjs';
import { typescriptEntryArgs, typescriptEntryEnv } from './typescript-entry.mjs';

requireWorkspaceNode();

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node tools/start/run-ts.mjs <file.ts> [args…]');
  process.exit(2);
}
const result = spawnSync(process.execPath, typescriptEntryArgs(entry, args), {
  stdio: 'inherit',
  cwd: process.cwd(),
  env: typescriptEntryEnv(),
});
process.exit(result.status ?? 1);
