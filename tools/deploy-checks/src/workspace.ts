import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root (this file is tools/deploy-checks/src/workspace.ts). */
export const WORKSPACE_ROOT = resolve(__dirname, '../../..');

export const workspacePath = (...parts: string[]): string => join(WORKSPACE_ROOT, ...parts);

export const readWorkspaceFile = (...parts: string[]): string =>
  readFileSync(workspacePath(...parts), 'utf8');

/** One deployable service of infra/services.json. */
export interface DeployableService {
  name: string;
  port: number;
  /** Owns a MySQL database, so has migrations (`apps/<name>/src/migrate.ts`). */
  database: boolean;
  /** Files the app reads at run time, copied into its bundle at the same path. */
  assets: string[];
  /** URL paths the Ingress routes to it from outside (prefixes); none for most subgraphs. */
  publicPaths: string[];
}

export function deployableServices(): DeployableService[] {
  const list = JSON.parse(readWorkspaceFile('infra/services.json')) as {
    services: DeployableService[];
  };
  return list.services;
}

/** Whether `apps/<name>` exists yet (services are built by different people at different times). */
export const appExists = (name: string): boolean =>
  existsSync(workspacePath('apps', name, 'project.json'));

/** The Kafka topics the event contracts publish (`topic: '…'` in libs/<context>/contracts). */
export function contractTopics(): string[] {
  const topics = new Set<string>();
  for (const context of readdirSync(workspacePath('libs'))) {
    const folder = workspacePath('libs', context, 'contracts', 'src');
    if (!existsSync(folder)) continue;
    for (const file of readdirSync(folder)) {
      if (!file.endsWith('.ts') || file.endsWith('.spec.ts')) continue;
      for (const match of readFileSync(join(folder, file), 'utf8').matchAll(
        /\btopic:\s*'([^']+)'/g,
      )) {
        topics.add(match[1] as string);
      }
    }
  }
  return [...topics].sort();
}

/**
 * Topics the platform's services publish to each other that are not in the contract's table:
 * no front-end or outside subscriber relies on them (docs/adr/0010-centre-scoped-access.md).
 */
export const PLATFORM_INTERNAL_TOPICS = ['sessions.registration.v1'];

/**
 * The topics of ../shared/contract/README.md, when that file is there: its events table, and the
 * topics its "Added in the next release" section adds (`- Topic `<name>`, …`).
 */
export function contractReadmeTopics(): string[] | null {
  const path =
    process.env['CONTRACT_README'] ?? resolve(WORKSPACE_ROOT, '../shared/contract/README.md');
  if (!existsSync(path)) return null;
  const text = readFileSync(path, 'utf8');
  const table = [...text.matchAll(/^\| `([a-z-]+\.[a-z.-]+\.v\d+)` \|/gm)];
  const added = [...text.matchAll(/^- Topic `([a-z-]+\.[a-z.-]+\.v\d+)`/gm)];
  return [...table, ...added].map((match) => match[1] as string).sort();
}
