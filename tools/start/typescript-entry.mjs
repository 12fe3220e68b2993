// How this workspace runs a TypeScript entry point in a process of its own: ts-node (transpile
// only, decorator metadata kept for type-graphql and TypeORM) with the workspace's path aliases.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const workspaceRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Node's arguments for `entry` (relative to the workspace root), followed by `args`. */
export function typescriptEntryArgs(entry, args = []) {
  return [
    '-r',
    'ts-node/register/transpile-only',
    '-r',
    'tsconfig-paths/register',
    resolve(workspaceRoot, entry),
    ...args,
  ];
}

/** The environment such a process needs, then this one's (which may override). */
export function typescriptEntryEnv() {
  return {
    TS_NODE_PROJECT: resolve(workspaceRoot, 'tsconfig.json'),
    APOLLO_TELEMETRY_DISABLED: '1',
    ...process.env,
  };
}
