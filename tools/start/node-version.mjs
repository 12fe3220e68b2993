// The workspace runs on one Node major, package.json's `engines` (ADR 0016): npm scripts find it
// in node_modules/.bin (the registry's `node` package, a devDependency), and better-sqlite3 is
// compiled for it. Started by another Node (`node tools/…` from a shell on the machine's Node),
// a tool would fail later on a native module built for another ABI: it stops here and says why.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export function requireWorkspaceNode() {
  const { engines } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
  const major = Number(/>=\s*(\d+)/.exec(engines?.node ?? '')?.[1]);
  const running = Number(process.versions.node.split('.')[0]);
  if (!major || running === major) return;
  console.error(
    `This workspace runs on Node ${major} (package.json engines: ${engines.node}); this is ` +
      `Node ${process.versions.node} (${process.execPath}).\n` +
      `Run it through npm (npm test, npm start, npm run <script>, npx …): npm scripts use ` +
      `node_modules/.bin/node, installed by \`npm ci\`.`,
  );
  process.exit(1);
}
