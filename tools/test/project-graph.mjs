// Nx's module-boundary lint rule reads the cached project graph and silently skips itself when
// there is none (a fresh clone). Compute it first, so that `npm test` really enforces boundaries.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const nxBin = join(dirname(require.resolve('nx/package.json')), 'dist/bin/nx.js');

/** Writes the project graph into Nx's workspace data folder; returns the exit status. */
export function computeProjectGraph(env = process.env) {
  const run = spawnSync(process.execPath, [nxBin, 'show', 'projects'], {
    env: { ...env, NX_DAEMON: 'false' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return run.status ?? 1;
}

// `node tools/test/project-graph.mjs` does the same from a shell (and from the tests).
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replaceAll('\\', '/'))) {
  process.exit(computeProjectGraph());
}
