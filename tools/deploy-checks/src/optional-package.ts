import { existsSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { WORKSPACE_ROOT } from './workspace';

/**
 * Packages these checks need that the workspace may not have installed yet. Each check that needs
 * one is skipped, with this reason, until it is (`npm install --save-dev <package>@<version>`).
 */
export const OPTIONAL_PACKAGES = {
  yaml: '2.9.1',
  'kubernetes-models': '4.5.1',
} as const;

export type OptionalPackage = keyof typeof OPTIONAL_PACKAGES;

/**
 * The folder of an installed package: node_modules of the workspace or above it, or NODE_PATH.
 * Found by path rather than `require.resolve`: kubernetes-models is ESM-only, which a CommonJS
 * resolver refuses even when it is there.
 */
export function findPackage(name: OptionalPackage): string | null {
  const folders: string[] = [];
  for (let dir = WORKSPACE_ROOT; ; dir = dirname(dir)) {
    folders.push(join(dir, 'node_modules'));
    if (dirname(dir) === dir) break;
  }
  folders.push(...(process.env['NODE_PATH'] ?? '').split(delimiter).filter(Boolean));
  const found = folders
    .map((folder) => join(folder, name))
    .find((dir) => existsSync(join(dir, 'package.json')));
  return found ?? null;
}

export function missingPackageReason(name: OptionalPackage): string | null {
  return findPackage(name)
    ? null
    : `${name} is not installed (to add: npm install --save-dev ${name}@${OPTIONAL_PACKAGES[name]})`;
}
