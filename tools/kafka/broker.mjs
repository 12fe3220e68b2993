// A single-node Apache Kafka (KRaft: broker and controller in one JVM), assembled from Maven
// Central: `tools/kafka/pom.xml` names the broker artifact, Maven copies its jars into a cache
// once, and the broker runs from them. Used by `npm run kafka`, `npm test` and the tests that need
// a private broker (stopped mid-test, or configured for SASL/TLS).
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
export const workspaceRoot = resolve(here, '../..');
const pom = join(here, 'pom.xml');

/** The line the broker logs once it serves clients (KafkaRaftServer). */
const STARTED = 'Kafka Server started';

/**
 * The broker's jars, downloaded by Maven on the first call and kept under `.cache/kafka/<pom
 * hash>` (git-ignored): later calls return at once. Throws with Maven's output when it fails.
 */
export function kafkaJars({ log = console.log } = {}) {
  const hash = createHash('sha256').update(readFileSync(pom)).digest('hex').slice(0, 12);
  const dir = join(workspaceRoot, '.cache', 'kafka', hash);
  if (existsSync(join(dir, '.complete'))) return dir;
  log(`Kafka: fetching the broker's jars from Maven Central into ${dir} (once)…`);
  const staging = `${dir}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  const maven = spawnSync(
    'mvn',
    ['-q', '-B', '-f', pom, 'dependency:copy-dependencies', `-DoutputDirectory=${staging}`],
    { encoding: 'utf8' },
  );
  if (maven.error || maven.status !== 0) {
    throw new Error(
      `mvn dependency:copy-dependencies failed for ${pom}:\n${maven.error?.message ?? ''}${maven.stdout}${maven.stderr}`,
    );
  }
  writeFileSync(join(staging, '.complete'), new Date().toISOString());
  // Another process may have finished first; either copy is whole.
  if (!existsSync(join(dir, '.complete'))) {
    rmSync(dir, { recursive: true, force: true });
    renameSync(staging, dir);
  } else rmSync(staging, { recursive: true, force: true });
  return dir;
}

/** Calls `onLine` with each line of a text stream as it completes (the last one at its end). */
export function eachLine(stream, onLine) {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) onLine(line);
  });
  stream.on('end', () => {
    if (pending) onLine(pending);
  });
}

/** A TCP port free right now on 127.0.0.1. */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * A self-signed certificate for 127.0.0.1 and localhost in a PKCS12 keystore (keytool, from the
 * JDK), and its PEM for clients (`KAFKA_SSL_CA_FILE`). Made once per data directory.
 */
export function tlsMaterial(dataDir) {
  const dir = join(dataDir, 'tls');
  const keystore = join(dir, 'broker.p12');
  const caFile = join(dir, 'ca.pem');
  const password = 'certif-test-keystore';
  if (!existsSync(caFile)) {
    mkdirSync(dir, { recursive: true });
    const keytool = (args) => {
      const run = spawnSync('keytool', args, { encoding: 'utf8' });
      if (run.status !== 0)
        throw new Error(`keytool ${args[0]} failed: ${run.stdout}${run.stderr}`);
    };
    rmSync(keystore, { force: true });
    keytool([
      '-genkeypair',
      '-alias',
      'broker',
      '-keyalg',
      'RSA',
      '-keysize',
      '2048',
      '-validity',
      '3650',
      '-dname',
      'CN=localhost',
      '-ext',
      'SAN=ip:127.0.0.1,dns:localhost',
      '-storetype',
      'PKCS12',
      '-keystore',
      keystore,
      '-storepass',
      password,
      '-keypass',
      password,
    ]);
    keytool([
      '-exportcert',
      '-rfc',
      '-alias',
      'broker',
      '-keystore',
      keystore,
      '-storepass',
      password,
      '-file',
      caFile,
    ]);
  }
  return { keystore, password, caFile };
}

const SCRAM_LOGIN = 'org.apache.kafka.common.security.scram.ScramLoginModule required;';

/**
 * server.properties: one node that is both broker and controller. Clients use PLAINTEXT on
 * `port`; optional listeners add SASL/SCRAM (SHA-256 and SHA-512) in clear or over TLS.
 */
export function serverProperties({ port, controllerPort, logDir, saslPort, saslSslPort, tls }) {
  const listeners = [`PLAINTEXT://127.0.0.1:${port}`];
  const protocols = ['PLAINTEXT:PLAINTEXT', 'CONTROLLER:PLAINTEXT'];
  const extra = [];
  const scram = (name) => {
    extra.push(`listener.name.${name}.scram-sha-256.sasl.jaas.config=${SCRAM_LOGIN}`);
    extra.push(`listener.name.${name}.scram-sha-512.sasl.jaas.config=${SCRAM_LOGIN}`);
  };
  if (saslPort) {
    listeners.push(`SASL_PLAINTEXT://127.0.0.1:${saslPort}`);
    protocols.push('SASL_PLAINTEXT:SASL_PLAINTEXT');
    scram('sasl_plaintext');
  }
  if (saslSslPort) {
    listeners.push(`SASL_SSL://127.0.0.1:${saslSslPort}`);
    protocols.push('SASL_SSL:SASL_SSL');
    scram('sasl_ssl');
    extra.push(
      `ssl.keystore.type=PKCS12`,
      `ssl.keystore.location=${tls.keystore}`,
      `ssl.keystore.password=${tls.password}`,
      `ssl.key.password=${tls.password}`,
    );
  }
  if (saslPort || saslSslPort) extra.push('sasl.enabled.mechanisms=SCRAM-SHA-256,SCRAM-SHA-512');
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
    `listeners=${[...listeners, `CONTROLLER://127.0.0.1:${controllerPort}`].join(',')}`,
    `advertised.listeners=${listeners.join(',')}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    `listener.security.protocol.map=${protocols.join(',')}`,
    `log.dirs=${logDir}`,
    // One node: every internal topic has one replica.
    'num.partitions=3',
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=3',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    // Topics are provisioned (KafkaTransport.ensureTopics), as in production.
    'auto.create.topics.enable=false',
    // A group forms at once instead of waiting 3 s for more members: tests and `npm run kafka`.
    'group.initial.rebalance.delay.ms=0',
    'num.network.threads=2',
    'num.io.threads=4',
    ...extra,
    '',
  ].join('\n');
}

const LOG4J = `status = error
appender.out.type = Console
appender.out.name = out
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = [%d{HH:mm:ss,SSS}] %-5p %m (%c{1})%n
rootLogger.level = warn
rootLogger.appenderRef.out.ref = out
logger.started.name = kafka.server.KafkaRaftServer
logger.started.level = info
`;

/** The contract's topics: the list `infra/backing/create-topics.sh` provisions everywhere else. */
export function contractTopics() {
  const script = readFileSync(join(workspaceRoot, 'infra/backing/create-topics.sh'), 'utf8');
  const list = /^TOPICS=\(([^)]*)\)/m.exec(script)?.[1] ?? '';
  return list.split(/\s+/).filter((name) => name && !name.startsWith('#'));
}

/**
 * Creates the contract's topics and their `.dlq` when missing, 3 partitions each, and waits
 * until each partition has a leader (a KRaft broker answers UNKNOWN_TOPIC for a moment).
 */
export async function ensureContractTopics(bootstrap, { partitions = 3 } = {}) {
  const { Kafka, logLevel } = require('kafkajs');
  const admin = new Kafka({
    brokers: [bootstrap],
    clientId: 'certif-topics',
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    const wanted = contractTopics().flatMap((topic) => [topic, `${topic}.dlq`]);
    const existing = new Set(await admin.listTopics());
    const missing = wanted.filter((topic) => !existing.has(topic));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: false,
        topics: missing.map((topic) => ({ topic, numPartitions: partitions })),
      });
    }
    const deadline = Date.now() + 30_000;
    for (;;) {
      const led = await admin
        .fetchTopicMetadata({ topics: wanted })
        .then(({ topics }) => topics.every((t) => t.partitions.every((p) => p.leader >= 0)))
        .catch(() => false);
      if (led) return wanted;
      if (Date.now() > deadline) throw new Error(`topics without a leader after 30 s: ${wanted}`);
      await new Promise((resolveWait) => setTimeout(resolveWait, 100));
    }
  } finally {
    await admin.disconnect();
  }
}

/**
 * Starts a broker and resolves once it serves clients. Formats `dataDir` once (KRaft storage,
 * with the SCRAM users), then creates the contract's topics (`topics: false` to skip). Ports
 * default to free ones. `stop()` ends it (SIGTERM, then SIGKILL
 * after 30 s); `exited` resolves with its exit code.
 */
export async function startBroker(options = {}) {
  const log = options.log ?? console.log;
  const dataDir = resolve(options.dataDir ?? join(workspaceRoot, '.data', 'kafka'));
  const jars = kafkaJars({ log });
  const port = options.port || (await freePort());
  const controllerPort = options.controllerPort || (await freePort());
  const saslPort = options.sasl ? options.saslPort || (await freePort()) : undefined;
  const saslSslPort =
    options.sasl && options.tls ? options.saslSslPort || (await freePort()) : undefined;
  const tls = saslSslPort ? tlsMaterial(dataDir) : undefined;
  const logDir = join(dataDir, 'log');
  mkdirSync(dataDir, { recursive: true });
  const propertiesFile = join(dataDir, 'server.properties');
  writeFileSync(
    propertiesFile,
    serverProperties({ port, controllerPort, logDir, saslPort, saslSslPort, tls }),
  );
  const log4jFile = join(dataDir, 'log4j2.properties');
  writeFileSync(log4jFile, LOG4J);
  const heap = options.heap ?? '512m';
  const jvm = [
    `-Xmx${heap}`,
    `-Xms${options.initialHeap ?? '128m'}`,
    '-XX:+UseG1GC',
    '-XX:MaxGCPauseMillis=20',
    '-Djava.awt.headless=true',
    `-Dlog4j2.configurationFile=${log4jFile}`,
    '-cp',
    join(jars, '*'),
  ];

  if (!existsSync(join(logDir, 'meta.properties'))) {
    // A Kafka Uuid: 16 bytes, base64url; one starting with '-' would read as an option.
    let clusterId;
    do clusterId = randomBytes(16).toString('base64url');
    while (clusterId.startsWith('-'));
    const scram = (options.scramUsers ?? []).flatMap(({ name, password }) =>
      ['SCRAM-SHA-256', 'SCRAM-SHA-512'].flatMap((mechanism) => [
        '--add-scram',
        `${mechanism}=[name=${name},password=${password}]`,
      ]),
    );
    const format = spawnSync(
      'java',
      [
        ...jvm,
        'kafka.tools.StorageTool',
        'format',
        `--cluster-id=${clusterId}`,
        '-c',
        propertiesFile,
        ...scram,
      ],
      { encoding: 'utf8' },
    );
    if (format.status !== 0) {
      throw new Error(`formatting ${logDir} failed:\n${format.stdout}${format.stderr}`);
    }
    log(`Kafka: formatted KRaft storage in ${logDir} (cluster ${clusterId})`);
  }

  const child = spawn('java', [...jvm, 'kafka.Kafka', propertiesFile], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolveExit) =>
    child.once('exit', (code, signal) => resolveExit(code ?? signal)),
  );
  const output = [];
  const ready = new Promise((resolveReady, reject) => {
    const onLine = (line) => {
      output.push(line);
      if (output.length > 200) output.shift();
      if (options.echo) log(line);
      if (line.includes(STARTED)) resolveReady();
    };
    for (const stream of [child.stdout, child.stderr]) eachLine(stream, onLine);
    void exited.then((code) =>
      reject(new Error(`the broker exited (${code}) before it was ready:\n${output.join('\n')}`)),
    );
  });
  const timeoutMs = options.startTimeoutMs ?? 120_000;
  let timer;
  try {
    await Promise.race([
      ready,
      new Promise((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new Error(`the broker was not ready after ${timeoutMs} ms:\n${output.join('\n')}`),
            ),
          timeoutMs,
        );
      }),
    ]);
    if (options.topics ?? true) await ensureContractTopics(`127.0.0.1:${port}`);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  } finally {
    clearTimeout(timer);
  }

  const stop = async ({ signal = 'SIGTERM', graceMs = 30_000 } = {}) => {
    if (child.exitCode !== null || child.signalCode !== null) return exited;
    child.kill(signal);
    const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    try {
      return await exited;
    } finally {
      clearTimeout(killer);
    }
  };
  return {
    bootstrap: `127.0.0.1:${port}`,
    port,
    controllerPort,
    sasl: saslPort ? `127.0.0.1:${saslPort}` : undefined,
    saslSsl: saslSslPort ? `127.0.0.1:${saslSslPort}` : undefined,
    caFile: tls?.caFile,
    dataDir,
    pid: child.pid,
    exited,
    stop,
  };
}
