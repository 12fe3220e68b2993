#!/usr/bin/env node
// `npm test`: typecheck, formatting, lint, then every project's Jest suites in one run.
// MySQL/MariaDB suites need a server at TEST_DATABASE_URL (default mysql://root@127.0.0.1:3306).
// Without one they are skipped with the reason in their title, unless CI=true or
// REQUIRE_MYSQL=1, where a missing server fails the run: CI must prove the MySQL paths.
// Kafka suites run against KAFKA_BROKERS when it is set; otherwise this starts a private broker
// (tools/kafka, on free ports, data in a temporary folder) for the run and stops it after. Where
// it cannot (no Java or Maven) they are skipped with the reason, unless CI=true or
// REQUIRE_KAFKA=1: there a missing broker fails the run, as a missing MySQL does.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBroker } from '../kafka/broker.mjs';
import { requireWorkspaceNode } from '../start/node-version.mjs';

requireWorkspaceNode();

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

const kafkaRequired = process.env.CI === 'true' || process.env.REQUIRE_KAFKA === '1';

/** Whether a TCP connection to `host:port` opens within 3 s. */
function reachable(address) {
  const [host, port] = address.split(':');
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(3000, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(Number(port), host, () => done(true));
  });
}

/** The given brokers when they answer, or a private broker started for this run. */
async function prepareKafka() {
  const given = (process.env.KAFKA_BROKERS ?? '').split(',').filter(Boolean);
  if (given.length > 0) {
    if (await reachable(given[0])) return { ok: true, brokers: given.join(',') };
    return { ok: false, reason: `KAFKA_BROKERS=${given.join(',')} does not answer` };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'certif-test-kafka-'));
  try {
    const started = Date.now();
    const broker = await startBroker({ port: 0, dataDir, heap: '512m', log: console.log });
    console.log(
      `Kafka: a broker for this run on ${broker.bootstrap} (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
    return {
      ok: true,
      brokers: broker.bootstrap,
      stop: async () => {
        await broker.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    console.error(`Kafka: ${error.message}`);
    return { ok: false, reason: `could not start a broker: ${error.message.split('\n')[0]}` };
  }
}

/** Runs a command with this run's environment; resolves with its exit code. */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env });
    child.once('error', () => resolve(1));
    child.once('exit', (code) => resolve(code ?? 1));
  });
}

// The broker starts (after the MySQL probe: formatting its storage blocks this process for a
// few seconds) while typecheck and lint run; every exit stops it.
let kafkaStarting = Promise.resolve({ ok: false, reason: 'not started' });
async function exit(code) {
  const kafka = await kafkaStarting;
  await kafka.stop?.();
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void exit(130));

async function step(title, command, args) {
  console.log(`\n▶ ${title}`);
  const status = await run(command, args);
  if (status !== 0) {
    console.error(`\n✖ ${title} failed`);
    await exit(status);
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
  await exit(1);
} else {
  env.CERTIF_TEST_MYSQL = mysql.reason;
  console.log(
    `MySQL/MariaDB suites: SKIPPED — ${mysql.reason}. Set TEST_DATABASE_URL or start MariaDB to run them.`,
  );
}

kafkaStarting = prepareKafka();
await step('typecheck (tsc --noEmit)', process.execPath, [
  binOf('typescript', 'bin/tsc'),
  '-p',
  'tsconfig.json',
  '--noEmit',
]);
await step('format (prettier --check)', process.execPath, [
  binOf('prettier', 'bin/prettier.cjs'),
  '--check',
  '--log-level=warn',
  '.',
]);
// The module-boundary rule reads Nx's project graph and skips itself without one (fresh clone).
await step('project graph (nx), which the module-boundary lint rule reads', process.execPath, [
  join(dirname(fileURLToPath(import.meta.url)), 'project-graph.mjs'),
]);
await step('lint (eslint, with Nx module boundaries)', process.execPath, [
  binOf('eslint', 'bin/eslint.js'),
  'apps',
  'libs',
  'tools',
  '--max-warnings=-1',
]);

const kafka = await kafkaStarting;
if (kafka.ok) {
  env.KAFKA_BROKERS = kafka.brokers;
  env.CERTIF_TEST_KAFKA = 'available';
  console.log(`Kafka suites: on (${kafka.brokers})`);
} else if (kafkaRequired) {
  console.error(`✖ Kafka is required here (CI=true or REQUIRE_KAFKA=1) but: ${kafka.reason}`);
  console.error(
    '  it needs Java 17 and Maven (the broker comes from Maven Central): npm run kafka',
  );
  await exit(1);
} else {
  env.CERTIF_TEST_KAFKA = kafka.reason;
  delete env.KAFKA_BROKERS;
  console.log(`Kafka suites: SKIPPED — ${kafka.reason}.`);
}

mkdirSync('tmp', { recursive: true });
console.log('\n▶ tests (jest, every project)');
const jestStatus = await run(process.execPath, [
  binOf('jest', 'bin/jest.js'),
  '--ci',
  '--maxWorkers=2',
  '--json',
  '--outputFile=tmp/jest-results.json',
  ...process.argv.slice(2),
]);
let summary = null;
try {
  summary = JSON.parse(readFileSync('tmp/jest-results.json', 'utf8'));
} catch {
  // jest failed before writing results; its own output says why
}
if (summary) {
  const skipped = summary.numPendingTests + summary.numTodoTests;
  if (!mysql.ok) console.log(`\nMySQL/MariaDB suites were skipped: ${mysql.reason}`);
  if (!kafka.ok) console.log(`Kafka suites were skipped: ${kafka.reason}`);
  console.log(
    `\ntests: ${summary.numPassedTests} passed, ${summary.numFailedTests} failed, ${skipped} skipped`,
  );
}
await exit(jestStatus);
