#!/usr/bin/env node
// `npm test`: typecheck, formatting, lint, then every project's Jest suites in one run.
// MySQL/MariaDB suites need a server at TEST_DATABASE_URL (default mysql://root@127.0.0.1:3306).
// Without one they are skipped with the reason in their title, unless CI=true or
// REQUIRE_MYSQL=1, where a missing server fails the run: CI must prove the MySQL paths.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
/** A package's script by path: not every package exports its bin through `exports`. */
const binOf = (pkg, file) => join(dirname(require.resolve(`${pkg}/package.json`)), file);
const url = process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306';
const required = process.env.CI === 'true' || process.env.REQUIRE_MYSQL === '1';
const env = {
  ...process.env,
  APOLLO_TELEMETRY_DISABLED: '1',
  TZ: process.env.TZ ?? 'Pacific/Kiritimati',
};

async function probeMysql() {
  const mysql = require('mysql2/promise');
  const parsed = new URL(url);
  try {
    const connection = await mysql.createConnection({
      host: parsed.hostname,
      port: Number(parsed.port || 3306),
      user: decodeURIComponent(parsed.username || 'root'),
      password: decodeURIComponent(parsed.password),
      connectTimeout: 3000,
    });
    const [rows] = await connection.query('SELECT VERSION() AS version');
    await connection.end();
    return { ok: true, version: rows[0].version };
  } catch (error) {
    return {
      ok: false,
      reason: `no MySQL/MariaDB at ${parsed.host} (${error.code ?? error.message})`,
    };
  }
}

function step(title, command, args) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`\n✖ ${title} failed`);
    process.exit(result.status ?? 1);
  }
}

const mysql = await probeMysql();
if (mysql.ok) {
  env.CERTIF_TEST_MYSQL = 'available';
  console.log(`MySQL/MariaDB suites: on (${mysql.version} at ${url})`);
} else if (required) {
  console.error(
    `✖ MySQL/MariaDB is required here (CI=true or REQUIRE_MYSQL=1) but: ${mysql.reason}`,
  );
  console.error(
    '  start it, e.g.: start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd',
  );
  process.exit(1);
} else {
  env.CERTIF_TEST_MYSQL = mysql.reason;
  console.log(
    `MySQL/MariaDB suites: SKIPPED — ${mysql.reason}. Set TEST_DATABASE_URL or start MariaDB to run them.`,
  );
}

step('typecheck (tsc --noEmit)', process.execPath, [
  binOf('typescript', 'bin/tsc'),
  '-p',
  'tsconfig.json',
  '--noEmit',
]);
step('format (prettier --check)', process.execPath, [
  binOf('prettier', 'bin/prettier.cjs'),
  '--check',
  '--log-level=warn',
  '.',
]);
step('lint (eslint, with Nx module boundaries)', process.execPath, [
  binOf('eslint', 'bin/eslint.js'),
  'apps',
  'libs',
  'tools',
  '--max-warnings=-1',
]);

mkdirSync('tmp', { recursive: true });
console.log('\n▶ tests (jest, every project)');
const jest = spawnSync(
  process.execPath,
  [
    binOf('jest', 'bin/jest.js'),
    '--ci',
    '--maxWorkers=2',
    '--json',
    '--outputFile=tmp/jest-results.json',
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit', env },
);
let summary = null;
try {
  summary = JSON.parse(readFileSync('tmp/jest-results.json', 'utf8'));
} catch {
  // jest failed before writing results; its own output says why
}
if (summary) {
  const skipped = summary.numPendingTests + summary.numTodoTests;
  if (!mysql.ok) console.log(`\nMySQL/MariaDB suites were skipped: ${mysql.reason}`);
  console.log(
    `\ntests: ${summary.numPassedTests} passed, ${summary.numFailedTests} failed, ${skipped} skipped`,
  );
}
process.exit(jest.status ?? 1);
