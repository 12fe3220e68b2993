import { existsSync } from 'node:fs';
import { appExists, deployableServices, readWorkspaceFile, workspacePath } from './workspace';

// No Docker engine runs here, so the Dockerfile is read, not built: these are the properties the
// image must keep (ADR 0006). production-bundle.slow.spec.ts runs its entry command for real.

function stages(): { name: string; lines: string[] }[] {
  const result: { name: string; lines: string[] }[] = [];
  for (const line of readWorkspaceFile('Dockerfile').split('\n')) {
    const from = /^FROM\s+\S+(?:\s+AS\s+(\S+))?/i.exec(line);
    if (from) result.push({ name: from[1] ?? '', lines: [] });
    else if (result.length > 0 && line.trim() && !line.trim().startsWith('#'))
      result.at(-1)?.lines.push(line);
  }
  return result;
}

describe('Dockerfile', () => {
  const runtime = () => stages().find((stage) => stage.name === 'runtime');
  const text = (lines: string[] | undefined) => (lines ?? []).join('\n');

  it('starts every stage from the Node LTS slim image', () => {
    const base = /^ARG NODE_IMAGE=node:(\d+)-[a-z]+-slim$/m.exec(readWorkspaceFile('Dockerfile'));
    expect(base).not.toBeNull();
    expect(Number(base?.[1]) % 2).toBe(0); // even majors are the LTS lines
    // One Node major: the images run the one package.json's `engines` names.
    const engines = (JSON.parse(readWorkspaceFile('package.json')) as { engines: { node: string } })
      .engines.node;
    expect(engines).toBe(`>=${base?.[1]} <${Number(base?.[1]) + 1}`);
    expect(readWorkspaceFile('Dockerfile').match(/^FROM (\S+)/gm)).toEqual(
      stages().map(() => expect.stringMatching(/^FROM \$\{NODE_IMAGE\}|^FROM toolchain/)),
    );
  });

  it('compiles native modules against the headers of the Node that package.json pins', () => {
    const pinned = (
      JSON.parse(readWorkspaceFile('package.json')) as { devDependencies: Record<string, string> }
    ).devDependencies['node'];
    const toolchain = text(stages().find((stage) => stage.name === 'toolchain')?.lines);
    expect(toolchain).toMatch(new RegExp(`^ARG NODE_HEADERS_VERSION=${pinned}$`, 'm'));
    expect(toolchain).toMatch(/npm_config_nodedir=\/opt\/node-headers/);
  });

  it('ships production dependencies only, without compilers', () => {
    const all = stages();
    const production = all.find((stage) => stage.name === 'production-dependencies');
    expect(text(production?.lines)).toMatch(/npm ci --omit=dev --omit=optional/);
    expect(text(runtime()?.lines)).toMatch(
      /COPY --from=production-dependencies \/app\/node_modules/,
    );
    expect(text(runtime()?.lines)).not.toMatch(/python3|g\+\+|\bmake\b|npm (ci|install)/);
  });

  it('runs as a numeric non-root user, in production mode, under tini, with a health check', () => {
    const lines = text(runtime()?.lines);
    expect(lines).toMatch(/^USER (\d+):(\d+)$/m);
    expect(Number(/^USER (\d+)/m.exec(lines)?.[1])).toBeGreaterThan(0);
    expect(lines).toMatch(/^ENV NODE_ENV=production/m);
    expect(lines).toMatch(/apt-get install -y --no-install-recommends tini/);
    expect(lines).toMatch(/^ENTRYPOINT \["\/usr\/bin\/tini", "--"\]$/m);
    expect(lines).toMatch(/^HEALTHCHECK .*CMD \["node", "healthcheck\.js"\]$/m);
    expect(lines).toMatch(/^CMD \["node", "--enable-source-maps", "main\.js"\]$/m);
  });

  it('builds the app with the workspace build, from sources the .dockerignore lets through', () => {
    const build = text(stages().find((stage) => stage.name === 'build')?.lines);
    expect(build).toMatch(/RUN node tools\/build\/build-apps\.mjs "\$\{APP\}"/);
    const ignored = readWorkspaceFile('.dockerignore')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'));
    expect(ignored).toEqual(
      expect.arrayContaining(['**/node_modules', 'dist', '.git', '**/.env', '.data']),
    );
    for (const needed of [
      'apps',
      'libs',
      'tools',
      'infra/services.json',
      'package-lock.json',
      'tsconfig.build.json',
    ]) {
      expect(ignored).not.toContain(needed);
    }
  });
});

describe('each service of infra/services.json', () => {
  for (const service of deployableServices()) {
    if (!appExists(service.name)) {
      it.skip(`${service.name} — skipped: apps/${service.name} does not exist yet`, () =>
        undefined);
      continue;
    }
    it(`${service.name} has an Nx build target, its entry points and assets`, () => {
      const project = JSON.parse(readWorkspaceFile('apps', service.name, 'project.json')) as {
        targets?: Record<string, { options?: { command?: string } }>;
      };
      expect(project.targets?.['build']?.options?.command).toBe(
        `node tools/build/build-apps.mjs ${service.name}`,
      );
      expect(existsSync(workspacePath('apps', service.name, 'src/main.ts'))).toBe(true);
      // The migrations init container runs `node migrate.js` (docs/operations.md).
      expect(existsSync(workspacePath('apps', service.name, 'src/migrate.ts'))).toBe(
        service.database,
      );
      for (const asset of service.assets) expect(existsSync(workspacePath(asset))).toBe(true);
    });
  }
});
