#!/usr/bin/env node
// `npm run kafka`: a single-node Kafka (KRaft) on 127.0.0.1:9092 in the foreground, data in
// `.data/kafka`; Ctrl-C stops it. Options (tests use them for private brokers):
//   --port N            client port (PLAINTEXT); 0 = a free one        (default 9092)
//   --controller-port N KRaft controller port                          (default a free one)
//   --data-dir DIR      storage, formatted once                        (default .data/kafka)
//   --heap SIZE         JVM maximum heap                               (default 512m)
//   --scram NAME:PASS   a SASL/SCRAM user (SHA-256 and SHA-512); adds a SASL_PLAINTEXT listener
//   --tls               with --scram: also a SASL_SSL listener, self-signed certificate
//   --verbose           echo the broker's log
// Once ready it prints `Kafka ready on 127.0.0.1:PORT` and, for programs, one line
// `KAFKA_READY {json}` with every address.
import { startBroker } from './broker.mjs';

function parse(argv) {
  const options = { port: 9092, scramUsers: [] };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${flag} needs a value`);
      return next;
    };
    if (flag === '--port') options.port = Number(value());
    else if (flag === '--controller-port') options.controllerPort = Number(value());
    else if (flag === '--data-dir') options.dataDir = value();
    else if (flag === '--heap') options.heap = value();
    else if (flag === '--scram') {
      const [name, ...password] = value().split(':');
      options.scramUsers.push({ name, password: password.join(':') });
      options.sasl = true;
    } else if (flag === '--tls') options.tls = true;
    else if (flag === '--verbose') options.echo = true;
    else throw new Error(`unknown option ${flag}`);
  }
  return options;
}

let broker;
let stopping = false;
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`Kafka: ${signal}, stopping the broker…`);
  const code = await broker?.stop();
  console.log(`Kafka: stopped (${code ?? 'not started'})`);
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

try {
  const options = parse(process.argv.slice(2));
  const started = Date.now();
  broker = await startBroker({ ...options, echo: options.echo ?? false });
  console.log(
    `Kafka ready on ${broker.bootstrap} in ${((Date.now() - started) / 1000).toFixed(1)} s` +
      ` (data in ${broker.dataDir}; Ctrl-C stops it)`,
  );
  if (broker.sasl) console.log(`  SASL/SCRAM on ${broker.sasl}`);
  if (broker.saslSsl)
    console.log(`  SASL/SCRAM over TLS on ${broker.saslSsl}, CA ${broker.caFile}`);
  console.log(
    `KAFKA_READY ${JSON.stringify({
      bootstrap: broker.bootstrap,
      sasl: broker.sasl,
      saslSsl: broker.saslSsl,
      caFile: broker.caFile,
      pid: broker.pid,
    })}`,
  );
  const code = await broker.exited;
  if (!stopping) {
    console.error(`Kafka: the broker exited on its own (${code})`);
    process.exit(1);
  }
} catch (error) {
  console.error(`Kafka: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
