import { spawnSync } from 'node:child_process';
import type { K8sObject } from './kubernetes-objects';
import { parseYamlDocuments } from './yaml-documents';
import { workspacePath } from './workspace';

/** The kustomizations checked in CI, relative to infra/k8s. */
export const KUSTOMIZATIONS = ['base', 'overlays/dev', 'overlays/prod'] as const;

export function kubectlUnavailableReason(): string | null {
  const result = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
  if (result.error)
    return `kubectl is not installed (${(result.error as NodeJS.ErrnoException).code ?? result.error.message})`;
  return result.status === 0 ? null : `kubectl version --client failed: ${result.stderr.trim()}`;
}

/** `kubectl kustomize infra/k8s/<path>`: what `kubectl apply -k` would send. */
export function renderKustomization(path: string): string {
  const result = spawnSync('kubectl', ['kustomize', workspacePath('infra/k8s', path)], {
    encoding: 'utf8',
    maxBuffer: 32 * 1024 * 1024,
  });
  if (result.status !== 0)
    throw new Error(`kubectl kustomize infra/k8s/${path} failed:\n${result.stderr}`);
  return result.stdout;
}

export function renderObjects(path: string): K8sObject[] {
  return parseYamlDocuments(renderKustomization(path)) as K8sObject[];
}
