#!/usr/bin/env node
// `npm run start:services`: the gateway and the four services as separate processes, as
// Kubernetes runs them, on DATABASE_URL and KAFKA_BROKERS from the environment (default
// 127.0.0.1:9092, the broker of `npm run kafka`). One log stream, each line prefixed with its
// service's name; Ctrl-C (or SIGTERM) stops them all. Options:
//   --free-ports   each process on a free port instead of 4000–4004 (tests)
// Once every service answers /readyz it prints `Platform ready: <gateway URL>` and, for programs,
// one line `SERVICES_READY {json}` with every URL.
import { spawn } from 'node:child_process';
import { eachLine, freePort } from '../kafka/broker.mjs';
import { requireWorkspaceNode } from './node-version.mjs';
import {
  typescriptEntryArgs,
  typescriptEntryEnv,
  workspaceRoot as root,
} from './typescript-entry.mjs';

requireWorkspaceNode();

const services = [
  { name: 'referentials', port: 4001 },
  { name: 'candidates', port: 4002 },
  { name: 'sessions', port: 4003 },
  { name: 'issuing', port: 4004 },
  { name: 'gateway', port: 4000 },
];
const width = Math.max(...services.map((s) => s.name.length));
const colours = [36, 33, 35, 32, 34];
const tty = process.stdout.isTTY;

/** Writes each complete line of a stream with the service's name in front. */
function prefixLines(stream, name, index, out) {
  const label = name.padEnd(width);
  const prefix = tty ? `\x1b[${colours[index % colours.length]}m${label}\x1b[0m | ` : `${label} | `;
  eachLine(stream, (line) => out.write(`${prefix}${line}\n`));
}

const log = (text) => console.log(`${'start'.padEnd(width)} | ${text}`);

const freePorts = process.argv.includes('--free-ports');
for (const service of services) if (freePorts) service.port = await freePort();
const url = (name) => `http://127.0.0.1:${services.find((s) => s.name === name).port}`;
const kafkaBrokers = process.env.KAFKA_BROKERS || '127.0.0.1:9092';
log(
  `events through Kafka at ${kafkaBrokers}; data ${
    process.env.DATABASE_URL ? `on ${new URL(process.env.DATABASE_URL).host}` : 'in SQLite files'
  }`,
);

const children = new Map();
let stopping = false;

async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  log('stopping every service…');
  // The gateway first, then the services, as a rolling shutdown would.
  for (const name of ['gateway', 'referentials', 'candidates', 'sessions', 'issuing']) {
    const child = children.get(name);
    if (!child || child.exitCode !== null || child.signalCode !== null) continue;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(killer);
  }
  log('stopped');
  process.exit(code);
}
process.on('SIGINT', () => void stopAll(0));
// Dying some other way leaves no service behind.
process.on('exit', () => {
  for (const child of children.values()) if (child.exitCode === null) child.kill('SIGKILL');
});
process.on('SIGTERM', () => void stopAll(0));

services.forEach((service, index) => {
  const env = {
    ...typescriptEntryEnv(),
    KAFKA_BROKERS: kafkaBrokers,
    PORT: String(service.port),
  };
  if (service.name === 'gateway') {
    for (const name of ['referentials', 'candidates', 'sessions', 'issuing']) {
      env[`${name.toUpperCase()}_URL`] = `${url(name)}/graphql`;
    }
  }
  if (service.name === 'candidates') env.ISSUING_SERVICE_URL ??= url('issuing');
  const child = spawn(
    process.execPath,
    typescriptEntryArgs(`apps/${service.name}/src/main.ts`),
    // A process group of its own: Ctrl-C reaches this script only, which stops each service
    // once, in order (a second signal would make a service exit at once).
    { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  children.set(service.name, child);
  prefixLines(child.stdout, service.name, index, process.stdout);
  prefixLines(child.stderr, service.name, index, process.stderr);
  child.once('exit', (code, signal) => {
    if (stopping) return;
    log(`${service.name} exited (${code ?? signal}): stopping the others`);
    void stopAll(1);
  });
});

// Ready once every process answers /readyz (the services wait for their database and broker).
const started = Date.now();
const pending = new Set(services.map((s) => s.name));
while (pending.size > 0 && !stopping) {
  for (const name of [...pending]) {
    const ready = await fetch(`${url(name)}/readyz`)
      .then((response) => response.ok)
      .catch(() => false);
    if (ready) pending.delete(name);
  }
  if (pending.size > 0) await new Promise((r) => setTimeout(r, 500));
  if (pending.size > 0 && Date.now() - started > 30_000 && (Date.now() - started) % 30_000 < 500) {
    log(`still waiting for ${[...pending].join(', ')} (see /readyz for why)`);
  }
}
if (!stopping) {
  log(
    `Platform ready: ${url('gateway')}/graphql (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  console.log(
    `SERVICES_READY ${JSON.stringify(Object.fromEntries(services.map((s) => [s.name, url(s.name)])))}`,
  );
}
