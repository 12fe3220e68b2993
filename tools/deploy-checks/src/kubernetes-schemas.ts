import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { K8sObject } from './kubernetes-objects';
import { findPackage } from './optional-package';

/** Problems kubernetes-models finds in the objects (types, required fields, enums, formats). */
export function schemaProblems(objects: K8sObject[]): string[] {
  const packageDir = findPackage('kubernetes-models');
  if (!packageDir) throw new Error('kubernetes-models is not installed');
  const result = spawnSync(process.execPath, [join(__dirname, 'validate-schemas.mjs')], {
    input: JSON.stringify({ packageDir, objects }),
    encoding: 'utf8',
    maxBuffer: 32 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`schema validation failed to run:\n${result.stderr}`);
  return (JSON.parse(result.stdout) as { problems: string[] }).problems;
}
